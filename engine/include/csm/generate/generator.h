// Speech generation with CSM: contextual, seeded, streaming frame by frame.
//
//   auto gen = csm::Generator::load_csm_1b("models/csm-1b", {"cuda", "bfloat16"});
//   csm::Segment earlier{1, "How was your day?", {}, previous_frames};
//   csm::GenerationOptions opts;            // temperature 0.9, top-k 50, 10 s cap, seed 0
//   auto frames = gen.generate_frames("Pretty good, thanks.", 0, {earlier}, opts,
//                                     [](const csm::Frame& f, int i) { return true; });  // false = stop
//
// The prompt is built as Sesame's reference generator builds it: each context segment is its text
// (<|begin_of_text|>[speaker]text<|end_of_text|>) followed by its audio frames and an all-zero
// end-of-audio frame, then the text to speak. Generation stops at the all-zero frame, at
// max_audio_length_ms, or when the callback returns false. The backbone's context holds context +
// new frames; too much context is an error, or the oldest segments are dropped when asked.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "csm/csm_runtime.h"
#include "csm/text_tokenizer.h"

namespace csm {

struct Segment {
  int speaker = 0;
  std::string text;
  std::vector<float> audio;   // 24 kHz mono; encoded with the model's Mimi codec when frames is empty
  std::vector<Frame> frames;  // Mimi codes of the audio, when already known
};

enum class ContextPolicy {
  Error,       // too much context -> csm::InputError saying how much is too much
  DropOldest,  // drop whole segments from the start until the prompt fits
};

struct GenerationOptions {
  double temperature = 0.9;  // <= 0: greedy
  int topk = 50;
  int max_audio_length_ms = 10000;
  uint64_t seed = 0;
  ContextPolicy context_policy = ContextPolicy::Error;
  bool use_cuda_graphs = true;  // on CUDA, replay each frame's step as recorded CUDA graphs
  // Sample only codes the codec can decode (0..codebook_size-1): the audio vocabulary has a few
  // special codes above them (CSM-1B: 2048..2050). Off reproduces transformers' generate exactly.
  bool codec_codes_only = true;
  bool watermark = true;        // mark the audio with the installation's key (generate() only)
  std::string watermark_key_path;  // empty: the installation's key file (created on first use)
};

struct GeneratedAudio {
  std::vector<float> samples;  // 24 kHz mono
  std::vector<Frame> frames;   // the Mimi codes they were decoded from
  int sample_rate = 24000;
};

// Receives audio as it is decoded (watermarked when asked); return false to stop (cancel).
using AudioChunkCallback = std::function<bool(const std::vector<float>& chunk)>;

// Called after each new frame with its index; return false to stop early (cancel).
using FrameCallback = std::function<bool(const Frame& frame, int index)>;

class Generator {
 public:
  // `path`: a CSM model folder (or Sesame ckpt.pt). The tokenizer is `path`/tokenizer.json unless
  // `tokenizer_path` names another file.
  static Generator load_csm_1b(const std::string& path, const RuntimeOptions& options = {},
                               const std::string& tokenizer_path = "");
  // From an already loaded model and tokenizer (benchmarks, the trainer's samples).
  static Generator from_parts(CsmRuntime runtime, TextTokenizer tokenizer);
  Generator(Generator&&) noexcept;
  Generator& operator=(Generator&&) noexcept;
  ~Generator();

  const CsmRuntime& runtime() const;

  // Frames of speech for `text` said by `speaker` after `context`. Deterministic for a seed on CPU.
  std::vector<Frame> generate_frames(const std::string& text, int speaker, const std::vector<Segment>& context,
                                     const GenerationOptions& options, const FrameCallback& on_frame = {}) const;

  // Speech audio: frames decoded with the model's Mimi codec as they are generated (streaming
  // decoder), then watermarked. The chunks handed to `on_chunk`, concatenated, equal `samples`.
  // Context segments may carry audio instead of frames: it is encoded with the same codec.
  GeneratedAudio generate(const std::string& text, int speaker, const std::vector<Segment>& context,
                          const GenerationOptions& options, const AudioChunkCallback& on_chunk = {}) const;

  // How many backbone positions a prompt takes (context + text), for budgeting in the UI.
  int64_t prompt_length(const std::string& text, int speaker, const std::vector<Segment>& context) const;

 private:
  struct Impl;
  explicit Generator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace csm
