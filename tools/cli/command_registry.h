// Registry of `csm` subcommands. Each stage's commands live in their own file and register
// themselves with a static CommandRegistration, so csm_main.cpp never needs editing.
//
//   static csm::cli::CommandRegistration reg{"dataset", "dataset import|report ...", run_dataset};
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace csm::cli {

// argv-style arguments after the command name; returns the exit status
// (0 ok, 1 bad input or failed work, 2 bad usage). Throw std::invalid_argument for usage errors.
using CommandFn = std::function<int(const std::vector<std::string>& args)>;

struct Command {
  std::string usage;  // one or more lines, shown by `csm --help`
  CommandFn run;
};

inline std::map<std::string, Command>& commands() {
  static std::map<std::string, Command> registry;
  return registry;
}

struct CommandRegistration {
  CommandRegistration(const std::string& name, const std::string& usage, CommandFn fn) {
    commands()[name] = Command{usage, std::move(fn)};
  }
};

// Options parsed the same way by every command: `--key value` pairs, `--flag` alone when listed in
// `flags`, everything else positional.
struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  bool has(const std::string& key) const { return options.count(key) > 0; }
  std::string get(const std::string& key, const std::string& fallback = "") const {
    auto it = options.find(key);
    return it == options.end() ? fallback : it->second;
  }
};

inline ParsedArgs parse_args(const std::vector<std::string>& args, const std::vector<std::string>& flags = {}) {
  ParsedArgs a;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    if (s.rfind("--", 0) == 0 && s.size() > 2) {
      const std::string key = s.substr(2);
      bool is_flag = false;
      for (const auto& f : flags) is_flag = is_flag || f == key;
      if (is_flag) {
        a.options[key] = "1";
      } else {
        if (i + 1 >= args.size()) throw std::invalid_argument("option " + s + " needs a value");
        a.options[key] = args[++i];
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

}  // namespace csm::cli
