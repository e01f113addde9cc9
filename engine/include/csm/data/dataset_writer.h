// Writing a dataset folder (layout in dataset.h). Every file is written atomically; the index
// files are written last, so a crash mid-import leaves the previous dataset readable.
#pragma once
#include <set>
#include <string>

#include "csm/data/dataset.h"
#include "csm/data/dataset_report.h"

namespace csm::data {

// segments.jsonl, examples.jsonl and dataset.json (with `fingerprint`, the processing parameters).
void write_dataset_index(const Dataset& dataset, const std::string& fingerprint);
// report.json
void write_report(const std::string& dir, const DatasetReport& report);
// Deletes <dir>/audio/*.wav files not named in `keep` (relative paths "audio/x.wav"), left over
// from an earlier import of other recordings.
void remove_stale_audio(const std::string& dir, const std::set<std::string>& keep);

}  // namespace csm::data
