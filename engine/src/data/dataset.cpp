// Dataset folder reading and the JSON forms of its records.
#include "csm/data/dataset.h"

#include <filesystem>
#include <sstream>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "data/dataset_json.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace csm::data {

json segment_to_json(const Segment& s) {
  json words = json::array();
  for (const Word& w : s.words) words.push_back({{"word", w.text}, {"start", w.start}, {"end", w.end}});
  json j = {{"id", s.id},       {"utterance", s.utterance}, {"source", s.source_file}, {"audio", s.audio},
            {"start", s.start}, {"end", s.end},             {"text", s.text},          {"speaker", s.speaker},
            {"split", s.split}, {"chunk", s.chunk},         {"chunks", s.chunks},      {"words", words},
            {"auto_aligned", s.auto_aligned}};
  if (!s.conversation.empty()) {
    j["conversation"] = s.conversation;
    j["turn"] = s.turn;
  }
  if (!s.tokens.empty()) j["tokens"] = s.tokens;
  return j;
}

Segment segment_from_json(const json& j) {
  Segment s;
  s.id = j.at("id").get<std::string>();
  s.utterance = j.value("utterance", s.id);
  s.source_file = j.value("source", "");
  s.audio = j.at("audio").get<std::string>();
  s.start = j.at("start").get<double>();
  s.end = j.at("end").get<double>();
  s.text = j.at("text").get<std::string>();
  s.speaker = j.at("speaker").get<std::string>();
  s.split = j.value("split", "train");
  s.chunk = j.value("chunk", 0);
  s.chunks = j.value("chunks", 1);
  s.auto_aligned = j.value("auto_aligned", false);
  s.conversation = j.value("conversation", "");
  s.turn = j.value("turn", -1);
  s.tokens = j.value("tokens", "");
  if (j.contains("words"))
    for (const auto& w : j["words"]) s.words.push_back({w.at("word").get<std::string>(), w.at("start").get<double>(), w.at("end").get<double>()});
  return s;
}

json example_to_json(const Example& e) {
  return {{"id", e.id}, {"target", e.target}, {"context", e.context}, {"split", e.split}};
}

Example example_from_json(const json& j) {
  Example e;
  e.id = j.at("id").get<std::string>();
  e.target = j.at("target").get<std::string>();
  e.context = j.value("context", std::vector<std::string>{});
  e.split = j.value("split", "train");
  return e;
}

Dataset read_dataset(const std::string& dir) {
  Dataset d;
  d.dir = dir;
  const std::string meta_path = (fs::path(dir) / "dataset.json").string();
  std::error_code ec;
  if (!fs::is_regular_file(meta_path, ec))
    throw InputError(dir + ": not a dataset folder (no dataset.json); create one with `csm dataset import --out " + dir + " ...`");
  try {
    const json meta = json::parse(read_file(meta_path));
    d.sample_rate = meta.value("sample_rate", 24000);
  } catch (const json::exception& e) {
    throw InputError(meta_path + ": damaged (" + e.what() + "); import the dataset again");
  }
  auto read_lines = [&](const char* name, auto&& on_line) {
    const std::string path = (fs::path(dir) / name).string();
    std::istringstream in(read_file(path));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      try {
        on_line(json::parse(line));
      } catch (const json::exception& e) {
        throw InputError(path + ":" + std::to_string(n) + ": damaged line (" + e.what() + "); import the dataset again");
      }
    }
  };
  read_lines("segments.jsonl", [&](const json& j) { d.segments.push_back(segment_from_json(j)); });
  read_lines("examples.jsonl", [&](const json& j) { d.examples.push_back(example_from_json(j)); });
  return d;
}

}  // namespace csm::data
