// The import pipeline (see dataset_import.h): sources -> per-utterance processing on a small
// thread pool -> duplicates -> segments -> split -> examples -> tokens -> report -> files.
#include "csm/data/dataset_import.h"
#include <cstdint>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "csm/atomic_file.h"
#include "csm/data/audio_file.h"
#include "csm/data/conversation.h"
#include "csm/data/dataset_writer.h"
#include "csm/data/token_cache.h"
#include "csm/data/transcript_sources.h"
#include "csm/data/validation_split.h"
#include "csm/errors.h"
#include "data/problems.h"
#include "data/utterance_processor.h"

namespace fs = std::filesystem;

namespace csm::data {
namespace {

void check_options(const ImportOptions& o) {
  if (o.audio_dir.empty() && o.metadata.empty() && o.manifest.empty())
    throw std::invalid_argument("no source: give --audio-dir (with --transcript-dir), --metadata or --manifest");
  if (o.out_dir.empty()) throw std::invalid_argument("--out DIR is required");
  if (o.validation_share < 0.10 - 1e-9 || o.validation_share > 0.20 + 1e-9)
    throw std::invalid_argument("--validation must be between 0.10 and 0.20");
  if (o.max_context_turns < 3 || o.max_context_turns > 5) throw std::invalid_argument("--context-turns must be 3, 4 or 5");
  const SegmentParams& s = o.segments;
  if (!(s.chunk_seconds >= 1.0) || !(s.overlap_seconds >= 0.0) || s.overlap_seconds >= 0.5 * s.chunk_seconds ||
      s.max_seconds < s.chunk_seconds)
    throw std::invalid_argument("segment lengths: need chunk >= 1 s, 0 <= overlap < chunk/2, max >= chunk");
  if (o.sample_rate < 8000) throw std::invalid_argument("sample rate too low");
}

}  // namespace

std::string processing_fingerprint(const ImportOptions& o) {
  std::ostringstream s;
  s << "v1;sr=" << o.sample_rate << ";lufs=" << o.loudness.target_lufs << ";tp=" << o.loudness.true_peak_ceiling_dbtp
    << ";trim=" << o.trim_silence << ";chunk=" << o.segments.chunk_seconds << ";overlap=" << o.segments.overlap_seconds
    << ";max=" << o.segments.max_seconds;
  return s.str();
}

DatasetReport import_dataset(const ImportOptions& options, AudioFrameEncoder* encoder, const ImportProgress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  check_options(options);
  ImportOptions o = options;
  // No chunk may exceed the model's context: leave a fifth of it for text tokens.
  o.segments.max_seconds = std::min(o.segments.max_seconds, 0.8 * o.context_frames / 12.5);
  o.segments.chunk_seconds = std::min(o.segments.chunk_seconds, o.segments.max_seconds);

  // --- sources -----------------------------------------------------------------------------------
  SourceList sources;
  auto merge = [&](SourceList s) {
    for (auto& u : s.utterances) sources.utterances.push_back(std::move(u));
    for (auto& p : s.problems) sources.problems.push_back(std::move(p));
  };
  if (!o.audio_dir.empty()) merge(read_audio_text_dirs(o.audio_dir, o.transcript_dir));
  if (!o.metadata.empty()) merge(read_ljspeech_metadata(o.metadata, o.metadata_audio_dir));
  if (!o.manifest.empty()) merge(read_jsonl_manifest(o.manifest));
  attach_alignment_files(sources, o.transcript_dir);
  make_ids_unique(sources);
  for (auto& u : sources.utterances)
    if (u.speaker.empty()) u.speaker = o.speaker_id;

  // --- per utterance, in parallel -----------------------------------------------------------------
  const size_t n = sources.utterances.size();
  std::vector<ProcessedUtterance> done(n);
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const size_t workers = std::min<size_t>(n, o.threads > 0 ? static_cast<size_t>(o.threads) : hw);
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  int finished = 0;
  auto work = [&]() {
    std::unique_ptr<SpeechRecognizer> recognizer;
    for (size_t i = next++; i < n; i = next++) {
      try {
        done[i] = process_utterance(sources.utterances[i], o, recognizer);
      } catch (const std::exception& e) {  // never stop the import for one file
        done[i].source = sources.utterances[i];
        done[i].problems = sources.utterances[i].problems;
        done[i].problems.push_back(rejected(sources.utterances[i].audio_path, "unreadable", e.what(),
                                            "convert the recording to WAV and import again"));
      }
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(++finished, static_cast<int>(n), sources.utterances[i].audio_path);
      }
    }
  };
  {
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }

  // --- duplicates (same decoded audio): the first accepted copy wins, then the first at all ----------
  std::map<uint64_t, size_t> first_of;
  std::vector<bool> was_accepted(n);
  for (size_t i = 0; i < n; ++i) was_accepted[i] = done[i].accepted;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < n; ++i) {
      ProcessedUtterance& p = done[i];
      if (!p.readable || p.raw_seconds <= 0 || was_accepted[i] != (pass == 0)) continue;
      auto [it, fresh] = first_of.emplace(p.audio_hash, i);
      if (fresh) continue;
      p.problems.push_back(rejected(p.source.audio_path, "duplicate_audio",
                                    "the same audio as " + done[it->second].source.audio_path,
                                    "remove one of the copies (or fix the transcript pairing)"));
      p.accepted = false;
      p.pcm = {};
    }
  for (auto& p : done)
    if (p.accepted && std::any_of(p.problems.begin(), p.problems.end(), [](const Problem& q) { return q.severity == Severity::Rejected; })) {
      p.accepted = false;
      p.pcm = {};
    }

  // --- segments ------------------------------------------------------------------------------------
  Dataset d;
  d.dir = o.out_dir;
  d.sample_rate = o.sample_rate;
  for (const auto& p : done) {
    if (!p.accepted) continue;
    const int count = static_cast<int>(p.chunks.size());
    for (int c = 0; c < count; ++c) {
      const Chunk& ch = p.chunks[static_cast<size_t>(c)];
      Segment s;
      char suffix[16];
      std::snprintf(suffix, sizeof suffix, "_c%03d", c);
      s.id = count == 1 ? p.source.id : p.source.id + suffix;
      s.utterance = p.source.id;
      s.source_file = p.source.audio_path;
      s.audio = "audio/" + p.source.id + ".wav";
      s.start = ch.start;
      s.end = ch.end;
      s.text = ch.text;
      s.speaker = p.source.speaker;
      s.words = ch.words;
      s.auto_aligned = p.auto_aligned;
      s.conversation = p.source.conversation;
      s.turn = p.source.turn;
      s.chunk = c;
      s.chunks = count;
      d.segments.push_back(std::move(s));
    }
  }
  assign_splits(d.segments, o.validation_share);
  ContextParams cp;
  cp.max_context_turns = o.max_context_turns;
  cp.max_frames = o.context_frames;
  d.examples = build_examples(d.segments, cp);

  // --- report ----------------------------------------------------------------------------------------
  DatasetReport r;
  r.strict = o.strict;
  r.problems = sources.problems;
  std::map<std::string, SpeakerTotals> speakers;
  for (const auto& p : done) {
    SpeakerTotals& st = speakers[p.source.speaker];
    st.speaker = p.source.speaker;
    ++st.files;
    ++r.files;
    st.total_minutes += p.raw_seconds / 60.0;
    r.audio_seconds += p.raw_seconds;
    if (p.accepted) {
      st.usable_minutes += p.seconds / 60.0;
      r.auto_aligned_files += p.auto_aligned;
    } else {
      ++st.rejected_files;
      ++r.rejected_files;
    }
    for (const auto& q : p.problems) r.problems.push_back(q);
  }
  for (const Segment& s : d.segments) {
    SpeakerTotals& st = speakers[s.speaker];
    if (s.split == "excluded") continue;
    ++st.segments;
    ++r.segments;
    (s.split == "validation" ? r.validation_segments : r.train_segments)++;
    const size_t bin = static_cast<size_t>(s.duration() / r.histogram_bin_seconds);
    if (r.segment_histogram.size() <= bin) r.segment_histogram.resize(bin + 1, 0);
    ++r.segment_histogram[bin];
  }
  for (auto& [name, st] : speakers) {
    bool has_val = false;
    for (const Segment& s : d.segments) has_val = has_val || (s.speaker == name && s.split == "validation");
    if (st.segments > 0 && !has_val)
      r.problems.push_back(warning("speaker " + name, "no_validation",
                                   "no validation data: all " + std::to_string(st.segments) + " segments are needed for training",
                                   "add more recordings of this speaker (several files) to get a validation split"));
    r.speakers.push_back(st);
  }
  r.examples = static_cast<int>(d.examples.size());

  // --- write (or, with --strict and problems, only the report) ----------------------------------------
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) throw WriteError(o.out_dir + ": cannot create the dataset folder (" + ec.message() + ")");
  if (o.strict && !r.problems.empty()) {
    r.written = false;
    r.processing_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    write_report(o.out_dir, r);
    return r;
  }
  fs::create_directories(fs::path(o.out_dir) / "audio", ec);
  if (ec) throw WriteError(o.out_dir + "/audio: cannot create the folder (" + ec.message() + ")");
  {
    std::atomic<size_t> next_write{0};
    std::mutex err_mutex;
    std::string write_error;
    auto writer = [&]() {
      for (size_t i = next_write++; i < n; i = next_write++) {
        if (!done[i].accepted) continue;
        const std::string path = (fs::path(o.out_dir) / "audio" / (done[i].source.id + ".wav")).string();
        try {
          // An unchanged file is not rewritten: cheap re-imports, and no churn for file watchers.
          bool same = false;
          if (fs::file_size(path, ec) == 44 + done[i].pcm.size() * 2 && !ec) {
            const std::string old = read_file(path);
            same = old.size() >= 44 && std::equal(old.begin() + 44, old.end(), reinterpret_cast<const char*>(done[i].pcm.data()));
          }
          if (!same) write_wav_pcm16(path, done[i].pcm, o.sample_rate);
        } catch (const std::exception& e) {
          std::lock_guard<std::mutex> lock(err_mutex);
          write_error = e.what();
        }
      }
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) pool.emplace_back(writer);
    writer();
    for (auto& t : pool) t.join();
    if (!write_error.empty()) throw WriteError(write_error);
  }

  // --- tokens -----------------------------------------------------------------------------------------
  if (encoder) {
    TokenCache cache(o.cache_dir.empty() ? (fs::path(o.out_dir) / "token-cache").string() : o.cache_dir);
    const std::string fp = processing_fingerprint(o);
    const std::string codec = encoder->identity();
    std::map<std::string, const ProcessedUtterance*> by_id;
    for (const auto& p : done)
      if (p.accepted) by_id[p.source.id] = &p;
    for (Segment& s : d.segments) {
      if (s.split == "excluded") continue;
      const ProcessedUtterance* p = by_id.at(s.utterance);
      const size_t b = std::min(p->pcm.size(), static_cast<size_t>(std::llround(s.start * o.sample_rate)));
      const size_t e = std::min(p->pcm.size(), static_cast<size_t>(std::llround(s.end * o.sample_rate)));
      const std::vector<int16_t> pcm(p->pcm.begin() + static_cast<long>(b), p->pcm.begin() + static_cast<long>(e));
      s.tokens = TokenCache::make_key(pcm, fp, codec);
      const int hits_before = cache.hits();
      cache.get_or_encode(s.tokens, from_pcm16(pcm), *encoder);
      (cache.hits() > hits_before ? r.tokens_cached : r.tokens_encoded)++;
    }
    r.tokens_rebuilt = cache.damaged();
  }

  std::set<std::string> keep;
  for (const Segment& s : d.segments) keep.insert(s.audio);
  remove_stale_audio(o.out_dir, keep);
  r.written = true;
  write_dataset_index(d, processing_fingerprint(o));
  r.processing_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  write_report(o.out_dir, r);
  return r;
}

}  // namespace csm::data
