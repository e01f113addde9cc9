// The one place where LibTorch versions differ: Debian's 1.13 (CPU, CI) and the 2.x CUDA builds.
// Everything else in the engine calls these helpers and never tests TORCH_VERSION itself.
#pragma once
#include <torch/torch.h>
#include <torch/version.h>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

#if CSM_WITH_CUDA  // set by CMake when LibTorch was built with CUDA
#include <ATen/cuda/CUDAGeneratorImpl.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#define CSM_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace csm::compat {

// Scaled dot-product attention with grouped-query heads.
//   q [B, Hq, S, D], k/v [B, Hkv, T, D]; mask: bool [B|1, 1, S, T] (true = may attend) or undefined.
// With is_causal the mask must be undefined and S == T.
// 2.5+: fused SDPA (flash / memory-efficient kernels on CUDA) with native grouped-query heads;
// 1.13: the explicit softmax form, computed in float32 like transformers' eager attention.
inline torch::Tensor attention(const torch::Tensor& q, torch::Tensor k, torch::Tensor v,
                               const torch::Tensor& mask, bool is_causal, double scale) {
  const int64_t groups = q.size(1) / k.size(1);
#if CSM_TORCH_AT_LEAST(2, 5)
  std::optional<torch::Tensor> m;
  if (mask.defined()) m = mask;
  // enable_gqa lets the kernels read each key/value head for its whole query group (no copies)
  return at::scaled_dot_product_attention(q, k, v, m, 0.0, is_causal, scale, /*enable_gqa=*/groups > 1);
#else
  if (groups > 1) {  // repeat_kv: [B, Hkv, T, D] -> [B, Hkv*groups, T, D]
    k = k.repeat_interleave(groups, 1);
    v = v.repeat_interleave(groups, 1);
  }
  auto scores = torch::matmul(q, k.transpose(-2, -1)) * scale;  // [B, H, S, T]
  if (is_causal) {
    auto causal = torch::ones({q.size(2), k.size(2)}, q.options().dtype(torch::kBool)).tril();
    scores = scores.masked_fill(causal.logical_not(), -std::numeric_limits<float>::infinity());
  } else if (mask.defined()) {
    scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
  }
  auto probs = torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type());
  return torch::matmul(probs, v);
#endif
}

// True when this LibTorch was built with CUDA and a device is present.
inline bool cuda_available() { return torch::cuda::is_available(); }

inline const char* torch_version() { return TORCH_VERSION; }

// Waits for all queued work on a CUDA device (for timing); a no-op on the CPU.
inline void synchronize(const torch::Device& device) {
  if (device.is_cuda()) torch::cuda::synchronize(device.has_index() ? device.index() : -1);
}

// ---- CUDA graphs ------------------------------------------------------------------------------
// A recorded sequence of kernels replayed with one launch: removes the per-op launch cost of the
// many small steps of generation. Only CUDA builds have it; StepGraph::supported says so.
#if CSM_WITH_CUDA
class StepGraph {
 public:
  static bool supported(const torch::Device& device) { return device.is_cuda(); }
  // Warms `step` up on a side stream (cuBLAS handles, allocator), then records it.
  void capture(const std::function<void()>& step) {
    auto stream = c10::cuda::getStreamFromPool();
    stream.synchronize();
    {
      c10::cuda::CUDAStreamGuard guard(stream);
      step();
      stream.synchronize();
      graph_ = std::make_unique<at::cuda::CUDAGraph>();
      graph_->capture_begin();
      step();
      graph_->capture_end();
    }
    stream.synchronize();
  }
  void replay() { graph_->replay(); }
  bool captured() const { return graph_ != nullptr; }

 private:
  std::unique_ptr<at::cuda::CUDAGraph> graph_;
};

// The default CUDA generator, seeded: graph capture tracks its Philox offsets, so random draws
// inside a replayed graph stay fresh and reproducible for a seed.
inline at::Generator graph_safe_generator(const torch::Device& device, uint64_t seed) {
  at::Generator gen = at::cuda::detail::getDefaultCUDAGenerator(device.has_index() ? device.index() : -1);
  gen.set_current_seed(seed);
  return gen;
}
#else
class StepGraph {
 public:
  static bool supported(const torch::Device&) { return false; }
  void capture(const std::function<void()>&) { throw std::logic_error("CUDA graphs need a CUDA build of LibTorch"); }
  void replay() { throw std::logic_error("CUDA graphs need a CUDA build of LibTorch"); }
  bool captured() const { return false; }
};

inline at::Generator graph_safe_generator(const torch::Device&, uint64_t) {
  throw std::logic_error("CUDA graphs need a CUDA build of LibTorch");
}
#endif

}  // namespace csm::compat
