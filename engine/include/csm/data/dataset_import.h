// `csm dataset import`: turns recordings plus transcripts into a dataset folder (dataset.h).
//
//   csm::data::ImportOptions o;
//   o.audio_dir = "takes/"; o.transcript_dir = "takes/"; o.out_dir = "my-voice";
//   csm::data::DatasetReport r = csm::data::import_dataset(o);          // no codec: no tokens yet
//   csm::data::DatasetReport r = csm::data::import_dataset(o, &mimi);   // also fills the token cache
//
// Per recording: read (libsndfile) -> downmix -> optional clip -> doctor checks on the raw signal
// -> resample to 24 kHz (libsoxr) -> remove DC -> trim leading/trailing silence -> EBU R128
// loudness (libebur128, true-peak ceiling) -> word times (given, or recognized for long English
// files) -> chunks (segmenter.h). Then duplicates, validation split, contextual examples, tokens.
// Bad input never stops an import: every problem is collected in the report with the file, the
// reason and the fix. With `strict`, any problem (warnings included) means nothing is written but
// report.json.
#pragma once
#include <functional>
#include <string>

#include "csm/data/dataset_report.h"
#include "csm/data/frame_encoder.h"
#include "csm/data/loudness.h"
#include "csm/data/segmenter.h"

namespace csm::data {

// Where the doctor draws its lines.
struct DoctorThresholds {
  double min_seconds = 0.5;             // shorter (after trimming): rejected
  double silent_dbfs = -50.0;           // speech level below: rejected as silent
  double clipped_warn_share = 0.001;    // share of samples at full scale: warning above 0.1 %
  double clipped_reject_share = 0.01;   // rejected above 1 %
  double snr_warn_db = 20.0;
  double snr_reject_db = 10.0;
  int min_sample_rate = 16000;          // below: warning (the audio lacks the upper band)
  double max_chars_per_second = 30.0;   // transcript much too long for the audio
  double min_chars_per_second = 2.0;    // much too short (checked from 2 s of sound on)
};

struct ImportOptions {
  // Sources; at least one. They may be combined.
  std::string audio_dir;
  std::string transcript_dir;      // default: audio_dir
  std::string metadata;            // LJSpeech metadata.csv
  std::string metadata_audio_dir;  // default: wavs/ beside metadata.csv
  std::string manifest;            // JSONL
  std::string speaker_id = "0";    // speaker of sources that name none
  std::string out_dir;
  std::string cache_dir;           // default: <out_dir>/token-cache
  std::string language = "en";     // "en" allows automatic alignment of long files
  bool auto_align = true;
  bool strict = false;
  int threads = 0;                 // 0: hardware concurrency
  int sample_rate = 24000;         // the codec's rate
  bool trim_silence = true;
  LoudnessParams loudness;
  SegmentParams segments;
  int max_context_turns = 3;       // 3..5
  int context_frames = 2048;       // model positions; caps segments.max_seconds too
  double validation_share = 0.10;  // 0.10..0.20
  DoctorThresholds doctor;
};

// Called from worker threads (serialized): files done, files total, the file just finished.
using ImportProgress = std::function<void(int done, int total, const std::string& file)>;

// Throws std::invalid_argument for bad options (no source, no out_dir, ranges), csm::InputError
// when a source itself (folder, metadata.csv, manifest) cannot be read, csm::WriteError when the
// dataset cannot be written. Problems with individual recordings are only reported.
DatasetReport import_dataset(const ImportOptions& options, AudioFrameEncoder* encoder = nullptr,
                             const ImportProgress& progress = {});

// The processing parameters that change the audio of a segment, as a stable string (part of
// every token cache key).
std::string processing_fingerprint(const ImportOptions& options);

}  // namespace csm::data
