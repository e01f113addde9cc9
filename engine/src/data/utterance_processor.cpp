// One utterance from file to chunks (see utterance_processor.h and dataset_import.h).
#include "data/utterance_processor.h"
#include <cstdint>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "csm/data/aligner.h"
#include "csm/data/audio_file.h"
#include "csm/data/audio_quality.h"
#include "csm/data/loudness.h"
#include "csm/data/resampler.h"
#include "csm/data/silence.h"
#include "csm/errors.h"
#include "data/hash.h"
#include "data/problems.h"

namespace fs = std::filesystem;

namespace csm::data {
namespace {

std::string fmt(double v, int decimals = 1) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << v;
  return s.str();
}

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !std::isspace(static_cast<unsigned char>(c))) ++n;
  return n;
}

bool has_rejection(const std::vector<Problem>& ps) {
  return std::any_of(ps.begin(), ps.end(), [](const Problem& p) { return p.severity == Severity::Rejected; });
}

}  // namespace

ProcessedUtterance process_utterance(const SourceUtterance& src, const ImportOptions& o,
                                     std::unique_ptr<SpeechRecognizer>& recognizer) {
  ProcessedUtterance r;
  r.source = src;
  r.problems = src.problems;
  auto& P = r.problems;
  const std::string& file = src.audio_path;
  const DoctorThresholds& th = o.doctor;

  // --- read -------------------------------------------------------------------------------
  AudioData a;
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    P.push_back(rejected(file, "missing_audio", "the recording does not exist",
                         "check the path (relative paths start at the manifest's folder) or remove the entry"));
    return r;
  }
  if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == 0) {
    P.push_back(rejected(file, "empty_file", "the file is empty (0 bytes)", "copy or export the recording again"));
    return r;
  }
  try {
    a = read_audio_file(file);
  } catch (const InputError& e) {
    P.push_back(rejected(file, "unreadable", e.what(),
                         "convert it to WAV or FLAC (e.g. `sox in.x out.wav`) or export it again"));
    return r;
  }
  r.readable = true;
  if (a.source_channels > 1) {
    std::string what = std::to_string(a.source_channels) + " channels mixed down to mono";
    if (a.silent_channels > 0) what += " (" + std::to_string(a.silent_channels) + " silent channel(s) left out)";
    P.push_back(warning(file, "multichannel", what, "nothing to do; record in mono to skip this step"));
  }
  if (a.sample_rate < th.min_sample_rate)
    P.push_back(warning(file, "low_sample_rate",
                        "sample rate " + std::to_string(a.sample_rate) + " Hz is below " +
                            std::to_string(th.min_sample_rate) + " Hz; the upper frequencies are missing",
                        "record at 24 kHz or more if you can"));
  // Clip [start, end) of the file, for manifests that point into long recordings.
  if (src.start >= 0 || src.end >= 0) {
    const double dur = a.duration_seconds();
    const double s = std::max(0.0, src.start), e = src.end >= 0 ? std::min(src.end, dur) : dur;
    if (s >= dur || e <= s) {
      P.push_back(rejected(file, "bad_clip",
                           "start/end (" + fmt(src.start, 2) + " s to " + fmt(src.end, 2) + " s) lie outside the " +
                               fmt(dur, 2) + " s recording",
                           "fix \"start\"/\"end\" in the manifest"));
      return r;
    }
    const auto b = static_cast<size_t>(s * a.sample_rate), en = static_cast<size_t>(e * a.sample_rate);
    a.samples = std::vector<float>(a.samples.begin() + static_cast<long>(b), a.samples.begin() + static_cast<long>(std::min(en, a.samples.size())));
  }
  const double clip_offset = std::max(0.0, src.start);
  r.raw_seconds = a.duration_seconds();
  r.audio_hash = xxh64(a.samples.data(), a.samples.size() * sizeof(float), static_cast<uint64_t>(a.sample_rate));

  if (r.raw_seconds < th.min_seconds) {
    P.push_back(rejected(file, "too_short", "only " + fmt(r.raw_seconds, 2) + " s long (minimum " + fmt(th.min_seconds, 1) + " s)",
                         "use recordings of at least a short sentence"));
    return r;
  }

  // --- doctor checks on the raw signal ---------------------------------------------------------
  const AudioQuality q = measure_quality(a.samples, a.sample_rate);
  bool silent = false;
  if (q.speech_level_db < th.silent_dbfs) {
    silent = true;
    P.push_back(rejected(file, "silent", "no speech: the loudest parts are at " + fmt(q.speech_level_db) + " dBFS",
                         "check the microphone input and record again"));
  }
  if (q.clipped_share > th.clipped_reject_share)
    P.push_back(rejected(file, "clipped", fmt(100.0 * q.clipped_share, 2) + " % of the samples are at full scale",
                         "record again with lower input gain (peaks around -6 dBFS)"));
  else if (q.clipped_share > th.clipped_warn_share)
    P.push_back(warning(file, "clipped", fmt(100.0 * q.clipped_share, 2) + " % of the samples are at full scale",
                        "listen for distortion; lower the input gain next time"));
  if (!silent) {
    if (q.snr_db < th.snr_reject_db)
      P.push_back(rejected(file, "low_snr", "signal-to-noise ratio about " + fmt(q.snr_db) + " dB (noise floor " + fmt(q.noise_floor_db) + " dBFS)",
                           "record in a quieter room or closer to the microphone"));
    else if (q.snr_db < th.snr_warn_db)
      P.push_back(warning(file, "low_snr", "signal-to-noise ratio about " + fmt(q.snr_db) + " dB",
                          "background noise will be learned too; a quieter recording is better"));
  }
  if (silent) return r;

  // --- cleanup ---------------------------------------------------------------------------------
  std::vector<float> x = resample(a.samples, a.sample_rate, o.sample_rate);
  a.samples = std::vector<float>();
  remove_dc(x, o.sample_rate);
  EnergyProfile energy = analyze_energy(x, o.sample_rate);
  SampleRange keep{0, x.size()};
  if (o.trim_silence) keep = find_trim_range(energy, x.size(), 0.15);
  std::vector<Word> words;
  if (src.has_words) {
    for (const Word& w : src.words) words.push_back({w.text, w.start - clip_offset, w.end - clip_offset});
    // Never trim into a given word.
    if (!words.empty()) {
      keep.begin = std::min(keep.begin, static_cast<size_t>(std::max(0.0, words.front().start - 0.05) * o.sample_rate));
      keep.end = std::max(keep.end, std::min(x.size(), static_cast<size_t>((words.back().end + 0.05) * o.sample_rate)));
    }
  }
  if (keep.begin > 0 || keep.end < x.size()) {
    x = std::vector<float>(x.begin() + static_cast<long>(keep.begin), x.begin() + static_cast<long>(keep.end));
    const double shift = double(keep.begin) / o.sample_rate;
    for (Word& w : words) {
      w.start = std::max(0.0, w.start - shift);
      w.end = std::max(w.start, w.end - shift);
    }
    energy = analyze_energy(x, o.sample_rate);
  }
  r.seconds = double(x.size()) / o.sample_rate;
  if (r.seconds < th.min_seconds)
    P.push_back(rejected(file, "too_short", "only " + fmt(r.seconds, 2) + " s of sound (minimum " + fmt(th.min_seconds, 1) + " s)",
                         "use recordings of at least a short sentence"));
  if (!src.text.empty()) {
    const double cps = double(code_points(src.text)) / std::max(r.seconds, 1e-3);
    if (cps > th.max_chars_per_second)
      P.push_back(rejected(file, "transcript_too_long",
                           "the transcript has " + std::to_string(code_points(src.text)) + " characters for " + fmt(r.seconds) +
                               " s of speech (" + fmt(cps) + " per second; speech has about 8 to 20)",
                           "check that the transcript belongs to this recording and is not the text of several"));
    else if (r.seconds >= 2.0 && cps < th.min_chars_per_second)
      P.push_back(rejected(file, "transcript_too_short",
                           "the transcript has " + std::to_string(code_points(src.text)) + " characters for " + fmt(r.seconds) +
                               " s of speech (" + fmt(cps) + " per second; speech has about 8 to 20)",
                           "complete the transcript so it contains everything that is said"));
  }
  if (has_rejection(P)) return r;  // no point aligning a recording that is out anyway

  normalize_loudness(x, o.sample_rate, o.loudness);

  // --- word times ------------------------------------------------------------------------------
  std::vector<bool> cut_ok;
  if (src.has_words && !words.empty()) {
    // Keep the user's spelling and punctuation: time the transcript words by the alignment words.
    const TranscriptAlignment al = align_transcript(src.text, words, r.seconds);
    if (al.match_rate >= 0.8) {
      words = al.words;
    } else {
      P.push_back(warning(src.alignment_source, "alignment_mismatch",
                          "the alignment's words match only " + fmt(100.0 * al.match_rate, 0) + " % of the transcript",
                          "chunk texts come from the alignment; re-run the aligner on the current transcript"));
    }
  } else if (r.seconds > o.segments.max_seconds) {
    std::string why;
    if (!o.auto_align) why = "automatic alignment is off";
    else if (o.language != "en") why = "automatic alignment exists for English only";
    else why = SpeechRecognizer::unavailable_reason();
    if (why.empty()) {
      try {
        if (!recognizer) recognizer = std::make_unique<SpeechRecognizer>();
        const std::vector<Word> heard = recognizer->recognize(x, o.sample_rate);
        const TranscriptAlignment al = align_transcript(src.text, heard, r.seconds);
        if (al.match_rate < 0.5) {
          P.push_back(rejected(file, "auto_align_failed",
                               "automatic alignment recognized only " + fmt(100.0 * al.match_rate, 0) +
                                   " % of the transcript words (at least 50 % needed)",
                               "check that the transcript matches the recording, or add a TextGrid / JSON word list "
                               "(e.g. from the Montreal Forced Aligner), or split it into clips of at most " +
                                   fmt(o.segments.max_seconds, 0) + " s with their own transcripts"));
          return r;
        }
        words = al.words;
        for (size_t i = 0; i + 1 < words.size(); ++i) cut_ok.push_back(al.anchored[i] && al.anchored[i + 1]);
        r.auto_aligned = true;
        P.push_back(warning(file, "auto_aligned",
                            "long recording without alignment: word times were recognized automatically (" +
                                fmt(100.0 * al.match_rate, 0) + " % of the words matched)",
                            "listen to a few chunks; supply a TextGrid for exact cuts"));
      } catch (const InputError& e) {
        why = e.what();
      }
    }
    if (!why.empty() && !r.auto_aligned) {
      P.push_back(rejected(file, "unaligned_long_file",
                           "the recording is " + fmt(r.seconds) + " s long with one transcript and no word times (" + why + ")",
                           "split it into clips of at most " + fmt(o.segments.max_seconds, 0) +
                               " s with their own transcripts, or add a TextGrid / JSON word list beside it"
                               " (e.g. from the Montreal Forced Aligner), or import it as English (--language en)"));
      return r;
    }
  }

  // --- chunks ----------------------------------------------------------------------------------
  Segmentation seg = segment_utterance(r.seconds, src.text, words, cut_ok, &energy, o.segments);
  if (seg.chunks.empty()) {
    P.push_back(rejected(file, "unsegmentable", "cannot be cut into chunks of at most " + fmt(o.segments.max_seconds, 0) + " s: " + seg.error,
                         "split the recording at pauses into shorter files"));
    return r;
  }
  r.chunks = std::move(seg.chunks);
  r.pcm = to_pcm16(x);
  r.accepted = true;
  return r;
}

}  // namespace csm::data
