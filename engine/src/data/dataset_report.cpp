// Dataset doctor report: JSON round trip and the human-readable form.
#include "csm/data/dataset_report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/errors.h"

using nlohmann::json;

namespace csm::data {

const std::vector<std::string> kProblemCodes{
    "missing_audio",       "empty_file",          "unreadable",           "too_short",
    "silent",              "clipped",             "low_snr",              "low_sample_rate",
    "missing_transcript",  "empty_transcript",    "non_utf8_transcript",  "transcript_too_long",
    "transcript_too_short", "duplicate_audio",    "multichannel",         "unaligned_long_file",
    "auto_aligned",        "auto_align_failed",   "alignment_mismatch",   "bad_alignment",
    "bad_clip",            "unsegmentable",       "bad_manifest_line",    "bad_metadata_line",
    "no_validation"};

int DatasetReport::count(Severity s) const {
  return static_cast<int>(std::count_if(problems.begin(), problems.end(), [s](const Problem& p) { return p.severity == s; }));
}

std::string report_to_json(const DatasetReport& r) {
  json speakers = json::array();
  for (const auto& s : r.speakers)
    speakers.push_back({{"speaker", s.speaker}, {"files", s.files}, {"rejected_files", s.rejected_files},
                        {"total_minutes", s.total_minutes}, {"usable_minutes", s.usable_minutes}, {"segments", s.segments}});
  json problems = json::array();
  for (const auto& p : r.problems)
    problems.push_back({{"file", p.file}, {"code", p.code}, {"severity", p.severity == Severity::Rejected ? "rejected" : "warning"},
                        {"reason", p.reason}, {"fix", p.fix}});
  json j = {{"format", "csm-dataset-report"}, {"version", 1},
            {"files", r.files}, {"rejected_files", r.rejected_files}, {"segments", r.segments},
            {"train_segments", r.train_segments}, {"validation_segments", r.validation_segments},
            {"examples", r.examples}, {"auto_aligned_files", r.auto_aligned_files},
            {"tokens", {{"encoded", r.tokens_encoded}, {"cached", r.tokens_cached}, {"rebuilt", r.tokens_rebuilt}}},
            {"audio_seconds", r.audio_seconds}, {"processing_seconds", r.processing_seconds},
            {"strict", r.strict}, {"written", r.written},
            {"speakers", speakers},
            {"segment_histogram", {{"bin_seconds", r.histogram_bin_seconds}, {"counts", r.segment_histogram}}},
            {"problems", problems}};
  return j.dump(2) + "\n";
}

DatasetReport report_from_json(const std::string& text, const std::string& source) {
  DatasetReport r;
  try {
    const json j = json::parse(text);
    if (j.value("format", "") != "csm-dataset-report")
      throw InputError(source + ": not a dataset report (no \"format\": \"csm-dataset-report\")");
    r.files = j.at("files");
    r.rejected_files = j.at("rejected_files");
    r.segments = j.at("segments");
    r.train_segments = j.value("train_segments", 0);
    r.validation_segments = j.value("validation_segments", 0);
    r.examples = j.value("examples", 0);
    r.auto_aligned_files = j.value("auto_aligned_files", 0);
    if (j.contains("tokens")) {
      r.tokens_encoded = j["tokens"].value("encoded", 0);
      r.tokens_cached = j["tokens"].value("cached", 0);
      r.tokens_rebuilt = j["tokens"].value("rebuilt", 0);
    }
    r.audio_seconds = j.value("audio_seconds", 0.0);
    r.processing_seconds = j.value("processing_seconds", 0.0);
    r.strict = j.value("strict", false);
    r.written = j.value("written", false);
    for (const auto& s : j.at("speakers"))
      r.speakers.push_back({s.at("speaker"), s.at("files"), s.at("rejected_files"), s.at("total_minutes"),
                            s.at("usable_minutes"), s.at("segments")});
    r.histogram_bin_seconds = j.at("segment_histogram").at("bin_seconds");
    r.segment_histogram = j.at("segment_histogram").at("counts").get<std::vector<int>>();
    for (const auto& p : j.at("problems"))
      r.problems.push_back({p.at("file"), p.at("code"), p.at("severity") == "rejected" ? Severity::Rejected : Severity::Warning,
                            p.at("reason"), p.at("fix")});
  } catch (const json::exception& e) {
    throw InputError(source + ": damaged report (" + e.what() + "); import the dataset again");
  }
  return r;
}

DatasetReport read_dataset_report(const std::string& dataset_dir) {
  const std::string path = (std::filesystem::path(dataset_dir) / "report.json").string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw InputError(dataset_dir + ": no report.json here; is this a dataset folder made by `csm dataset import`?");
  return report_from_json(read_file(path), path);
}

std::string format_report(const DatasetReport& r) {
  std::ostringstream o;
  char buf[256];
  o << "Dataset report\n";
  std::snprintf(buf, sizeof buf, "  files: %d (%d rejected), segments: %d (train %d, validation %d), examples: %d\n", r.files,
                r.rejected_files, r.segments, r.train_segments, r.validation_segments, r.examples);
  o << buf;
  if (r.auto_aligned_files) o << "  auto-aligned files: " << r.auto_aligned_files << "\n";
  if (r.tokens_encoded || r.tokens_cached || r.tokens_rebuilt)
    o << "  tokens: " << r.tokens_encoded << " segments encoded, " << r.tokens_cached << " from the cache, "
      << r.tokens_rebuilt << " damaged cache entries rebuilt\n";
  if (!r.written) o << "  NOTHING WRITTEN: --strict and problems were found (only this report was saved)\n";
  o << "\nMinutes per speaker (total / usable):\n";
  for (const auto& s : r.speakers) {
    std::snprintf(buf, sizeof buf, "  %-16s %7.2f / %7.2f   %d files, %d rejected, %d segments\n", s.speaker.c_str(),
                  s.total_minutes, s.usable_minutes, s.files, s.rejected_files, s.segments);
    o << buf;
  }
  o << "\nSegment lengths:\n";
  int top = 1;
  for (int c : r.segment_histogram) top = std::max(top, c);
  for (size_t i = 0; i < r.segment_histogram.size(); ++i) {
    const int c = r.segment_histogram[i];
    std::snprintf(buf, sizeof buf, "  %4.0f-%-4.0f s %5d ", double(i) * r.histogram_bin_seconds,
                  double(i + 1) * r.histogram_bin_seconds, c);
    o << buf << std::string(static_cast<size_t>(40 * c / top), '#') << "\n";
  }
  const int rej = r.count(Severity::Rejected), warn = r.count(Severity::Warning);
  o << "\nProblems: " << rej << " rejected, " << warn << " warnings\n";
  for (Severity sev : {Severity::Rejected, Severity::Warning})
    for (const auto& p : r.problems) {
      if (p.severity != sev) continue;
      o << (sev == Severity::Rejected ? "  REJECTED " : "  warning  ") << p.file << ": [" << p.code << "] " << p.reason
        << "\n             fix: " << p.fix << "\n";
    }
  return o.str();
}

}  // namespace csm::data
