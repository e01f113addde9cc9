// `csm voice ...`: the voice profile library from the command line (list, create, show, update,
// delete, restore, export, import). `csm voice sample` needs the generation engine and is added
// with it. The library is --library DIR, else $CSM_LIBRARY, else the XDG data folder.
// Exit codes: 0 ok, 1 bad input (unknown id, duplicate id, invalid field, missing consent, not a
// CSM checkpoint, failed write), 2 bad usage.
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>


#include "command_registry.h"
#include "csm/data/audio_file.h"
#include "csm/errors.h"
#include "csm/generate/profile_samples.h"
#include "csm/profiles/model_identity.h"
#include "csm/profiles/profile_library.h"

namespace fs = std::filesystem;

namespace {

using csm::cli::ParsedArgs;

const char* kUsage =
    "voice list [--json] [--trash]              the voice profiles (and broken ones, with why)\n"
    "  voice create NAME ID \"DESCRIPTION\" --model-path MODEL [--gender G] [--age-range 30-40]\n"
    "               [--accent A] [--language en] [--style S] [--kind voice-adaptation|style-tuning|\n"
    "               domain-specialization|base] [--base-model BASE] [--temperature T] [--topk K]\n"
    "               (--own-voice | --consent-text \"...\" [--consent-person P] [--consent-audio CLIP])\n"
    "  voice show ID [--json]\n"
    "  voice update ID --FIELD VALUE ...         fields: name description gender age-range accent\n"
    "               language style kind model-path base-model temperature topk max-audio-ms own-voice\n"
    "               (yes|no) consent-text consent-person consent-audio\n"
    "  voice delete ID                           moves it to the trash\n"
    "  voice restore ID                          brings it back from the trash\n"
    "  voice export ID --out FILE                one archive: profile, samples and model weights\n"
    "  voice import FILE [--replace] [--id N]    never overwrites an id unless --replace\n"
    "  voice sample ID (--text \"...\" | --standard) [--out FILE.wav] [--seed N] [--device cpu|cuda]\n"
    "                                            speak with the profile's model and defaults; stored in samples/\n"
    "  (every voice command takes --library DIR; default $CSM_LIBRARY or ~/.local/share/csm-studio/voices)";

void check_options(const ParsedArgs& a, const std::set<std::string>& allowed, const std::string& command) {
  for (const auto& [key, value] : a.options)
    if (key != "library" && !allowed.count(key))
      throw std::invalid_argument("voice " + command + " has no option --" + key);
}

int parse_int(const std::string& text, const std::string& what) {
  size_t used = 0;
  int v = 0;
  try {
    v = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) throw std::invalid_argument(what + " must be a whole number, not '" + text + "'");
  return v;
}

double parse_double(const std::string& text, const std::string& what) {
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) throw std::invalid_argument(what + " must be a number, not '" + text + "'");
  return v;
}

bool parse_yes_no(const std::string& text, const std::string& what) {
  if (text == "yes" || text == "true" || text == "1") return true;
  if (text == "no" || text == "false" || text == "0") return false;
  throw std::invalid_argument(what + " must be yes or no, not '" + text + "'");
}

std::string absolute(const std::string& path) {
  return path.empty() ? path : fs::absolute(path).lexically_normal().string();
}

csm::ProfileLibrary library(const ParsedArgs& a) {
  return csm::ProfileLibrary(a.has("library") ? absolute(a.get("library")) : csm::default_library_path());
}

int single_id(const ParsedArgs& a, const std::string& command) {
  if (a.positional.size() != 1) throw std::invalid_argument("voice " + command + " needs one profile ID");
  return parse_int(a.positional[0], "ID");
}

std::string model_status(const csm::ProfileLibrary& lib, const csm::VoiceProfile& p) {
  std::error_code ec;
  return fs::exists(lib.resolve(p.speaker_id, p.model_path), ec) ? "" : " (missing)";
}

// --- list ---------------------------------------------------------------------------------------

int cmd_list(const ParsedArgs& a) {
  check_options(a, {"json", "trash"}, "list");
  if (!a.positional.empty()) throw std::invalid_argument("voice list takes no arguments");
  const auto lib = library(a);
  if (a.has("trash")) {
    for (const auto& t : lib.trash())
      std::cout << t.speaker_id << "  " << (t.name.empty() ? "(unreadable)" : t.name) << "  deleted " << t.deleted_at
                << "\n";
    return 0;
  }
  const auto entries = lib.list();
  if (a.has("json")) {
    std::cout << csm::entries_to_json(entries);
    return 0;
  }
  if (entries.empty()) {
    std::cout << "no voice profiles in " << lib.root() << " (create one with `csm voice create`)\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows{{"ID", "NAME", "GENDER", "AGE", "ACCENT", "KIND", "SAMPLES", "MODEL"}};
  std::vector<std::string> broken;
  for (const auto& e : entries) {
    if (!e.ok()) {
      broken.push_back(std::to_string(e.speaker_id) + "  BROKEN: " + e.problem);
      continue;
    }
    const auto& p = *e.profile;
    rows.push_back({std::to_string(p.speaker_id), p.name, p.gender, p.age_range, p.accent, p.kind,
                    std::to_string(p.samples.size()), p.model_path + model_status(lib, p)});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i)
      std::cout << (i + 1 < r.size() ? std::string(r[i]) + std::string(width[i] - r[i].size() + 2, ' ') : r[i]);
    std::cout << "\n";
  }
  for (const auto& b : broken) std::cout << b << "\n";
  if (!broken.empty())
    std::cerr << broken.size() << " profile(s) could not be read; fix their profile.json or `csm voice delete` them\n";
  return 0;
}

// --- create / update ----------------------------------------------------------------------------

const std::set<std::string> kCreateOptions{"gender",     "age-range",   "accent",         "language",
                                           "style",      "kind",        "model-path",     "base-model",
                                           "own-voice",  "consent-text", "consent-person", "consent-audio",
                                           "temperature", "topk",        "max-audio-ms"};

int cmd_create(const ParsedArgs& a) {
  check_options(a, kCreateOptions, "create");
  if (a.positional.size() < 2 || a.positional.size() > 3)
    throw std::invalid_argument("voice create needs NAME, ID and optionally \"DESCRIPTION\"");
  if (!a.has("model-path")) throw std::invalid_argument("voice create needs --model-path MODEL");
  csm::VoiceProfile p;
  p.name = a.positional[0];
  p.speaker_id = parse_int(a.positional[1], "ID");
  if (a.positional.size() == 3) p.description = a.positional[2];
  p.gender = a.get("gender");
  p.age_range = a.get("age-range");
  p.accent = a.get("accent");
  p.language = a.get("language", "en");
  p.style = a.get("style");
  p.kind = a.get("kind", csm::kKindVoiceAdaptation);
  p.own_voice = a.has("own-voice");
  p.model_path = absolute(a.get("model-path"));
  if (a.has("temperature")) p.inference.temperature = parse_double(a.get("temperature"), "--temperature");
  if (a.has("topk")) p.inference.topk = parse_int(a.get("topk"), "--topk");
  if (a.has("max-audio-ms")) p.inference.max_audio_length_ms = parse_int(a.get("max-audio-ms"), "--max-audio-ms");
  if (a.has("consent-text") || a.has("consent-audio") || a.has("consent-person")) {
    csm::ConsentRecord c;
    c.statement = a.get("consent-text");
    c.person = a.get("consent-person", p.name);
    p.consent = c;
  }
  csm::CreateOptions options;
  options.consent_audio = absolute(a.get("consent-audio"));
  auto lib = library(a);
  if (a.has("base-model")) p.base_model_hash = csm::model_identity(absolute(a.get("base-model")));
  const auto created = lib.create(p, options);
  std::cout << "created voice profile " << created.speaker_id << " '" << created.name << "' in "
            << lib.folder_of(created.speaker_id) << "\n";
  return 0;
}

int cmd_update(const ParsedArgs& a) {
  static const std::set<std::string> allowed = [] {
    std::set<std::string> s = kCreateOptions;
    s.insert({"name", "description"});
    return s;
  }();
  check_options(a, allowed, "update");
  const int id = single_id(a, "update");
  if (a.options.size() == (a.has("library") ? 1u : 0u))
    throw std::invalid_argument("voice update needs at least one --FIELD VALUE");
  auto lib = library(a);
  std::string base_hash;
  if (a.has("base-model")) base_hash = csm::model_identity(absolute(a.get("base-model")));
  std::string consent_clip;
  if (a.has("consent-audio")) consent_clip = lib.add_file(id, absolute(a.get("consent-audio")), "consent");
  const auto updated = lib.update(id, [&](csm::VoiceProfile& p) {
    for (const auto& [key, value] : a.options) {
      if (key == "name") p.name = value;
      else if (key == "description") p.description = value;
      else if (key == "gender") p.gender = value;
      else if (key == "age-range") p.age_range = value;
      else if (key == "accent") p.accent = value;
      else if (key == "language") p.language = value;
      else if (key == "style") p.style = value;
      else if (key == "kind") p.kind = value;
      else if (key == "model-path") p.model_path = absolute(value);
      else if (key == "base-model") p.base_model_hash = base_hash;
      else if (key == "temperature") p.inference.temperature = parse_double(value, "--temperature");
      else if (key == "topk") p.inference.topk = parse_int(value, "--topk");
      else if (key == "max-audio-ms") p.inference.max_audio_length_ms = parse_int(value, "--max-audio-ms");
      else if (key == "own-voice") p.own_voice = parse_yes_no(value, "--own-voice");
    }
    if (a.has("consent-text") || a.has("consent-person") || a.has("consent-audio")) {
      if (!p.consent) p.consent = csm::ConsentRecord{};
      if (a.has("consent-text")) p.consent->statement = a.get("consent-text");
      if (a.has("consent-person")) p.consent->person = a.get("consent-person");
      if (p.consent->person.empty()) p.consent->person = p.name;
      if (!consent_clip.empty()) {
        p.consent->audio_file = consent_clip;
        p.consent->method = "recorded statement";
      }
      if (p.consent->method.empty()) p.consent->method = "written statement";
      p.consent->given_at = csm::utc_timestamp();
    }
  });
  std::cout << "updated voice profile " << updated.speaker_id << " '" << updated.name << "'\n";
  return 0;
}

// --- show ---------------------------------------------------------------------------------------

int cmd_show(const ParsedArgs& a) {
  check_options(a, {"json"}, "show");
  const int id = single_id(a, "show");
  const auto lib = library(a);
  const csm::VoiceProfile p = lib.get(id);
  if (a.has("json")) {
    std::cout << csm::profile_to_json(p);
    return 0;
  }
  auto line = [](const std::string& label, const std::string& value) {
    if (!value.empty()) std::cout << std::left << std::setw(20) << label + ":" << value << "\n";
  };
  line("id", std::to_string(p.speaker_id));
  line("name", p.name);
  line("description", p.description);
  line("gender", p.gender);
  line("age range", p.age_range);
  line("accent", p.accent);
  line("language", p.language);
  line("style", p.style);
  line("kind", p.kind + (p.own_voice ? " (own voice)" : ""));
  line("folder", lib.folder_of(id));
  line("model", p.model_path + model_status(lib, p));
  line("model hash", p.model_hash);
  line("base model hash", p.base_model_hash);
  if (!p.training.empty()) {
    std::ostringstream t;
    t << p.training.recipe << ", " << p.training.epochs << " epochs on " << p.training.data_minutes << " min of audio";
    if (p.training.final_loss) t << ", final loss " << *p.training.final_loss;
    if (p.training.best_loss) t << ", best loss " << *p.training.best_loss;
    line("training", t.str());
    line("trained", p.training.started_at + (p.training.finished_at.empty() ? "" : " to " + p.training.finished_at));
    std::string hp;
    for (const auto& [k, v] : p.training.hyperparameters) hp += (hp.empty() ? "" : ", ") + k + "=" + v;
    line("hyperparameters", hp);
  }
  std::ostringstream inf;
  inf << "temperature " << p.inference.temperature << ", top-k " << p.inference.topk << ", up to "
      << p.inference.max_audio_length_ms << " ms, " << p.inference.context_clips.size() << " context clip(s)";
  line("inference", inf.str());
  if (p.consent) {
    line("consent", p.consent->person + ", " + p.consent->method + ", " + p.consent->given_at);
    line("consent statement", p.consent->statement);
    line("consent clip", p.consent->audio_file);
  } else {
    line("consent", p.own_voice || p.kind != csm::kKindVoiceAdaptation ? "not needed" : "none recorded");
  }
  line("created", p.created_at);
  line("updated", p.updated_at);
  std::cout << "samples:            " << p.samples.size() << "\n";
  for (const auto& s : p.samples) {
    std::ostringstream r;
    if (!s.ratings.empty()) r << std::fixed << std::setprecision(1) << "  rated " << s.average_rating() << "/5";
    std::cout << "  " << s.file << (s.standard ? " [standard]" : "") << r.str() << "  \"" << s.text << "\"\n";
  }
  return 0;
}

// --- delete / restore / export / import ---------------------------------------------------------

int cmd_delete(const ParsedArgs& a) {
  check_options(a, {}, "delete");
  const int id = single_id(a, "delete");
  auto lib = library(a);
  const std::string where = lib.remove(id);
  std::cout << "moved voice profile " << id << " to the trash (" << where << "); `csm voice restore " << id
            << "` brings it back\n";
  return 0;
}

int cmd_restore(const ParsedArgs& a) {
  check_options(a, {}, "restore");
  const int id = single_id(a, "restore");
  auto lib = library(a);
  const auto e = lib.restore(id);
  if (e.ok()) {
    std::cout << "restored voice profile " << id << " '" << e.profile->name << "'\n";
    return 0;
  }
  std::cout << "restored voice profile " << id << ", but it is broken: " << e.problem << "\n";
  return 1;
}

int cmd_export(const ParsedArgs& a) {
  check_options(a, {"out"}, "export");
  const int id = single_id(a, "export");
  if (!a.has("out")) throw std::invalid_argument("voice export needs --out FILE");
  const auto lib = library(a);
  const uint64_t bytes = lib.export_profile(id, absolute(a.get("out")));
  std::cout << "exported voice profile " << id << " to " << a.get("out") << " (" << bytes << " bytes)\n";
  return 0;
}

int cmd_import(const ParsedArgs& a) {
  check_options(a, {"replace", "id"}, "import");
  if (a.positional.size() != 1) throw std::invalid_argument("voice import needs one archive FILE");
  std::optional<int> id;
  if (a.has("id")) id = parse_int(a.get("id"), "--id");
  auto lib = library(a);
  const auto p = lib.import_profile(absolute(a.positional[0]), a.has("replace"), id);
  std::cout << "imported voice profile " << p.speaker_id << " '" << p.name << "' into " << lib.folder_of(p.speaker_id)
            << "\n";
  return 0;
}

// --- sample --------------------------------------------------------------------------------------

int cmd_sample(const ParsedArgs& a) {
  check_options(a, {"text", "out", "seed", "device", "dtype", "tokenizer", "standard"}, "sample");
  const int id = single_id(a, "sample");
  if (!a.has("text") && !a.has("standard"))
    throw std::invalid_argument("voice sample needs --text \"...\" or --standard");
  auto lib = library(a);
  csm::ProfileSampleOptions options;
  options.device = a.get("device", "cpu");
  options.dtype = a.get("dtype", "float32");
  options.tokenizer = a.get("tokenizer");
  options.seed = static_cast<uint64_t>(parse_int(a.get("seed", "0"), "--seed"));
  const bool standard = a.has("standard");
  const auto texts = standard ? csm::standard_sample_sentences() : std::vector<std::string>{a.get("text")};
  const auto results = csm::generate_profile_samples(lib, id, texts, options, standard);
  if (a.has("out") && !results.empty()) csm::data::write_wav_pcm16(absolute(a.get("out")), results.back().audio, 24000);
  for (const auto& r : results)
    std::cout << "voice " << id << " said \"" << r.sample.text << "\": " << r.audio.size() / 24000.0 << " s, stored as "
              << r.sample.file << "\n";
  return 0;
}

int run_voice(const std::vector<std::string>& args) {
  // --library may also come before the subcommand: `csm voice --library DIR list`.
  std::vector<std::string> rest;
  std::string sub;
  for (size_t i = 0; i < args.size(); ++i) {
    if (sub.empty() && args[i] == "--library" && i + 1 < args.size()) {
      rest.push_back(args[i]);
      rest.push_back(args[++i]);
    } else if (sub.empty()) {
      sub = args[i];
    } else {
      rest.push_back(args[i]);
    }
  }
  if (sub.empty() || sub.rfind("--", 0) == 0)
    throw std::invalid_argument("voice needs a subcommand: list, create, show, update, delete, restore, export, import or sample");
  const ParsedArgs a = csm::cli::parse_args(rest, {"json", "trash", "own-voice", "replace", "standard"});
  if (sub == "list") return cmd_list(a);
  if (sub == "create") return cmd_create(a);
  if (sub == "show") return cmd_show(a);
  if (sub == "update") {
    // --own-voice takes yes/no here, so parse again without it as a flag.
    return cmd_update(csm::cli::parse_args(rest, {}));
  }
  if (sub == "delete") return cmd_delete(a);
  if (sub == "restore") return cmd_restore(a);
  if (sub == "export") return cmd_export(a);
  if (sub == "import") return cmd_import(a);
  if (sub == "sample") return cmd_sample(a);
  throw std::invalid_argument("voice has no subcommand '" + sub + "'");
}

const csm::cli::CommandRegistration kVoice{"voice", kUsage, run_voice};

}  // namespace
