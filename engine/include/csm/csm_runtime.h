// CSM engine public API: a loaded (or freshly made) CSM model with no torch types in sight.
//
//   csm::RuntimeOptions opts;                       // device "cpu" or "cuda", dtype "float32"/"bfloat16"
//   auto rt = csm::CsmRuntime::load("models/csm-1b", opts);      // HF folder or Sesame ckpt.pt
//   auto tok = csm::TextTokenizer::from_file("models/csm-1b/tokenizer.json");
//   auto frames = rt.generate_greedy(tok.encode_speaker_text(0, "Hello."), 25);   // 25 frames = 2 s
//
// Weights are read-only once loaded; every call makes its own per-run state (KV caches).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "csm/model_config.h"

namespace csm {

struct RuntimeOptions {
  std::string device = "cpu";     // "cpu", "cuda" or "cuda:N"
  std::string dtype = "float32";  // "float32", "bfloat16" or "float16"
};

using Frame = std::vector<int32_t>;  // K codes of one 80 ms Mimi frame

struct Losses {
  double backbone = 0;  // codebook 0 (semantic) cross-entropy
  double depth = 0;     // codebooks 1..K-1 (acoustic) cross-entropy
  int64_t depth_frames = 0;
};

class CsmRuntime {
 public:
  static CsmRuntime load(const std::string& path, const RuntimeOptions& options = {});
  static CsmRuntime create_random(const CsmConfig& config, uint64_t seed, const RuntimeOptions& options = {});
  CsmRuntime(CsmRuntime&&) noexcept;
  CsmRuntime& operator=(CsmRuntime&&) noexcept;
  ~CsmRuntime();

  const CsmConfig& config() const;
  std::string layout() const;         // "huggingface", "sesame" or "random"
  std::string device() const;         // where the weights live, e.g. "cpu" or "cuda:0"
  int64_t parameter_count() const;    // backbone + depth decoder + embeddings (codec excluded)
  bool has_codec_weights() const;

  // Saves config.json + model.safetensors (Hugging Face layout) atomically into `dir`.
  void save(const std::string& dir) const;

  // Teacher-forced losses of `frames` spoken after the text prompt `text_ids`.
  Losses evaluate(const std::vector<int32_t>& text_ids, const std::vector<Frame>& frames) const;

  // Greedy continuation of a text prompt: up to `max_frames` frames, stopping early at the
  // all-zero (end of audio) frame as the reference generator does.
  std::vector<Frame> generate_greedy(const std::vector<int32_t>& text_ids, int max_frames) const;

  struct Impl;
  Impl& impl() const { return *impl_; }  // for engine-internal callers (reference checks, trainer)

 private:
  explicit CsmRuntime(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace csm
