// CsmRuntime's state, shared by the engine's torch-side files (internal).
#pragma once
#include "checkpoint_loader.h"
#include "csm/csm_runtime.h"

namespace csm {

struct CsmRuntime::Impl {
  CsmModel model{nullptr};
  std::string layout;
  std::map<std::string, torch::Tensor> codec_weights;
  torch::Device device{torch::kCPU};
};

// "cpu", "cuda", "cuda:N" -> a device; csm::InputError (with the fix) for anything else or a
// missing GPU. Shared by every engine part that takes RuntimeOptions-style strings.
torch::Device parse_device(const std::string& name);
// "float32"/"fp32", "bfloat16"/"bf16", "float16"/"fp16" -> a dtype; csm::InputError otherwise.
torch::Dtype parse_dtype(const std::string& name);

// tokens/mask [1, T+F, K+1] for a text prompt followed by audio frames (validated ids).
struct FrameSequence {
  torch::Tensor tokens, mask;
};
FrameSequence build_sequence(const CsmConfig& cfg, const std::vector<int32_t>& text_ids,
                             const std::vector<Frame>& frames, torch::Device device);

// Picks the highest-scoring code of each row: logits [B, V] -> [B].
torch::Tensor greedy_sample(const torch::Tensor& logits, int64_t codebook);

}  // namespace csm
