// `csm dataset import ...` and `csm dataset report DIR [--json]`: the data stage on the command
// line. Both print the dataset doctor's report; the exit status is 1 when a file was rejected
// (or, with --strict, when anything at all was found), so scripts can gate on it.
#include <algorithm>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_registry.h"
#include "csm/codec/mimi_frame_encoder.h"
#include "csm/atomic_file.h"
#include "csm/data/dataset_import.h"
#include "csm/data/dataset_report.h"

namespace {

double number(const csm::cli::ParsedArgs& a, const std::string& key, double fallback) {
  if (!a.has(key)) return fallback;
  try {
    size_t used = 0;
    const double v = std::stod(a.get(key), &used);
    if (used != a.get(key).size()) throw std::invalid_argument("");
    return v;
  } catch (const std::exception&) {
    throw std::invalid_argument("--" + key + " needs a number, got '" + a.get(key) + "'");
  }
}

int import_command(const std::vector<std::string>& args) {
  const auto a = csm::cli::parse_args(args, {"strict", "no-auto-align", "no-trim", "json", "quiet"});
  if (!a.positional.empty()) throw std::invalid_argument("dataset import: unexpected argument '" + a.positional[0] + "'");
  static const std::vector<std::string> known{"audio-dir", "transcript-dir", "metadata", "metadata-audio-dir", "manifest",
                                              "speaker-id", "out", "cache", "language", "threads", "target-lufs",
                                              "true-peak", "chunk", "overlap", "max-seconds", "context-turns",
                                              "validation", "strict", "no-auto-align", "no-trim", "json", "quiet",
                                              "model-path", "device"};
  for (const auto& [k, v] : a.options)
    if (std::find(known.begin(), known.end(), k) == known.end()) throw std::invalid_argument("dataset import: unknown option --" + k);
  csm::data::ImportOptions o;
  o.audio_dir = a.get("audio-dir");
  o.transcript_dir = a.get("transcript-dir");
  o.metadata = a.get("metadata");
  o.metadata_audio_dir = a.get("metadata-audio-dir");
  o.manifest = a.get("manifest");
  o.speaker_id = a.get("speaker-id", "0");
  o.out_dir = a.get("out");
  o.cache_dir = a.get("cache");
  o.language = a.get("language", "en");
  o.auto_align = !a.has("no-auto-align");
  o.trim_silence = !a.has("no-trim");
  o.strict = a.has("strict");
  o.threads = static_cast<int>(number(a, "threads", 0));
  o.loudness.target_lufs = number(a, "target-lufs", -23.0);
  o.loudness.true_peak_ceiling_dbtp = number(a, "true-peak", -1.0);
  o.segments.chunk_seconds = number(a, "chunk", 10.0);
  o.segments.overlap_seconds = number(a, "overlap", 2.0);
  o.segments.max_seconds = number(a, "max-seconds", 15.0);
  o.max_context_turns = static_cast<int>(number(a, "context-turns", 3));
  o.validation_share = number(a, "validation", 0.10);
  if (o.validation_share > 1.0) o.validation_share /= 100.0;  // "--validation 15" means 15 %
  const bool quiet = a.has("quiet") || a.has("json");
  csm::data::ImportProgress progress;
  if (!quiet)
    progress = [](int done, int total, const std::string& file) {
      std::cerr << "\r[" << done << "/" << total << "] " << file << "\x1b[K" << std::flush;
      if (done == total) std::cerr << "\n";
    };
  // With --model-path, segments are encoded with that model's Mimi codec into the token cache.
  std::unique_ptr<csm::MimiFrameEncoder> encoder;
  if (a.has("model-path")) {
    csm::CodecOptions codec;
    codec.device = a.get("device", "cpu");
    encoder = std::make_unique<csm::MimiFrameEncoder>(a.get("model-path"), codec);
  }
  const csm::data::DatasetReport r = csm::data::import_dataset(o, encoder.get(), progress);
  std::cout << (a.has("json") ? csm::data::report_to_json(r) : csm::data::format_report(r));
  if (!a.has("json"))
    std::cout << "\n" << (r.written ? "Dataset written to " + o.out_dir : "Report written to " + o.out_dir + "/report.json")
              << " (" << r.audio_seconds / 60.0 << " min of audio in " << r.processing_seconds << " s)\n";
  if (o.strict && !r.problems.empty()) return 1;
  return r.has_rejections() ? 1 : 0;
}

int report_command(const std::vector<std::string>& args) {
  const auto a = csm::cli::parse_args(args, {"json"});
  if (a.positional.size() != 1) throw std::invalid_argument("dataset report needs DIR");
  const csm::data::DatasetReport r = csm::data::read_dataset_report(a.positional[0]);
  std::cout << (a.has("json") ? csm::data::report_to_json(r) : csm::data::format_report(r));
  return r.has_rejections() ? 1 : 0;
}

int run_dataset(const std::vector<std::string>& args) {
  if (args.empty()) throw std::invalid_argument("dataset needs a subcommand: import or report");
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "import") return import_command(rest);
  if (args[0] == "report") return report_command(rest);
  throw std::invalid_argument("unknown dataset subcommand '" + args[0] + "' (import, report)");
}

csm::cli::CommandRegistration reg{
    "dataset",
    "dataset import (--audio-dir D [--transcript-dir D] | --metadata metadata.csv | --manifest x.jsonl) --out DIR\n"
    "        [--speaker-id S] [--cache DIR] [--language en] [--no-auto-align] [--strict] [--threads N]\n"
    "        [--target-lufs -23] [--true-peak -1] [--no-trim] [--chunk 10] [--overlap 2] [--max-seconds 15]\n"
    "        [--context-turns 3] [--validation 0.10] [--model-path DIR [--device cuda]] [--json] [--quiet]\n"
    "      exit 1 when a file was rejected (--strict: when any problem was found)\n"
    "  dataset report DIR [--json]   the dataset doctor's report; exit 1 when files were rejected",
    run_dataset};

}  // namespace
