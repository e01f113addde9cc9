// Dataset folder writer (see dataset_writer.h).
#include "csm/data/dataset_writer.h"

#include <filesystem>
#include <map>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "data/dataset_json.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace csm::data {

void write_dataset_index(const Dataset& d, const std::string& fingerprint) {
  std::string seg, ex;
  std::map<std::string, std::pair<int, double>> speakers;  // segments, seconds
  for (const Segment& s : d.segments) {
    seg += segment_to_json(s).dump() + "\n";
    auto& sp = speakers[s.speaker];
    ++sp.first;
    sp.second += s.duration();
  }
  for (const Example& e : d.examples) ex += example_to_json(e).dump() + "\n";
  json spk = json::array();
  for (const auto& [name, v] : speakers) spk.push_back({{"speaker", name}, {"segments", v.first}, {"seconds", v.second}});
  const json meta = {{"format", "csm-dataset"}, {"version", 1},           {"sample_rate", d.sample_rate},
                     {"processing", fingerprint}, {"segments", d.segments.size()}, {"examples", d.examples.size()},
                     {"speakers", spk}};
  write_file_atomically((fs::path(d.dir) / "segments.jsonl").string(), seg);
  write_file_atomically((fs::path(d.dir) / "examples.jsonl").string(), ex);
  write_file_atomically((fs::path(d.dir) / "dataset.json").string(), meta.dump(2) + "\n");
}

void write_report(const std::string& dir, const DatasetReport& report) {
  write_file_atomically((fs::path(dir) / "report.json").string(), report_to_json(report));
}

void remove_stale_audio(const std::string& dir, const std::set<std::string>& keep) {
  std::error_code ec;
  const fs::path audio = fs::path(dir) / "audio";
  if (!fs::is_directory(audio, ec)) return;
  for (const auto& e : fs::directory_iterator(audio, ec)) {
    if (!e.is_regular_file() || e.path().extension() != ".wav") continue;
    if (!keep.count("audio/" + e.path().filename().string())) fs::remove(e.path(), ec);
  }
}

}  // namespace csm::data
