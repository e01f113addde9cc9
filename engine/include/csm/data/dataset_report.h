// The dataset doctor's findings: every problem with the file it concerns, what is wrong and how to
// fix it, plus the totals a user needs to judge a dataset (minutes per speaker, total and usable,
// and a histogram of segment lengths). An import writes it as report.json; `csm dataset report`
// reads it back and prints it.
//
//   csm::data::DatasetReport r = csm::data::read_dataset_report("my-voice-dataset");
//   std::cout << csm::data::format_report(r);
#pragma once
#include <string>
#include <vector>

namespace csm::data {

enum class Severity { Warning, Rejected };

struct Problem {
  std::string file;    // the file concerned (audio, transcript, manifest line as "path:line")
  std::string code;    // stable id: "silent", "clipped", "missing_transcript", ... (see kProblemCodes)
  Severity severity = Severity::Rejected;
  std::string reason;  // what is wrong, with the measured numbers
  std::string fix;     // what the user can do about it
};

// Every code an import can report, for documentation and tests.
extern const std::vector<std::string> kProblemCodes;

struct SpeakerTotals {
  std::string speaker;
  int files = 0;
  int rejected_files = 0;
  double total_minutes = 0.0;   // all readable audio of the speaker, rejected files included
  double usable_minutes = 0.0;  // processed audio that made it into segments (overlap not counted twice)
  int segments = 0;
};

struct DatasetReport {
  std::vector<SpeakerTotals> speakers;
  double histogram_bin_seconds = 2.0;
  std::vector<int> segment_histogram;  // segment counts per bin [i*bin, (i+1)*bin)
  std::vector<Problem> problems;
  int files = 0;
  int rejected_files = 0;
  int segments = 0;
  int train_segments = 0;
  int validation_segments = 0;
  int examples = 0;
  int auto_aligned_files = 0;
  // Token cache activity of the import (all zero when no codec was given).
  int tokens_encoded = 0;
  int tokens_cached = 0;
  int tokens_rebuilt = 0;  // damaged cache entries detected and encoded again
  double audio_seconds = 0.0;       // input audio processed
  double processing_seconds = 0.0;  // wall time of the import
  bool strict = false;
  bool written = false;  // false when --strict stopped the dataset from being written

  int count(Severity s) const;
  bool has_rejections() const { return rejected_files > 0 || count(Severity::Rejected) > 0; }
};

std::string report_to_json(const DatasetReport& r);
// Throws csm::InputError naming `source` when the JSON is not a report.
DatasetReport report_from_json(const std::string& json, const std::string& source);
// `<dir>/report.json`; throws csm::InputError when the folder is not a dataset.
DatasetReport read_dataset_report(const std::string& dataset_dir);
// Human-readable text, one problem per line with its fix.
std::string format_report(const DatasetReport& r);

}  // namespace csm::data
