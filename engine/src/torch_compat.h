// The one place where LibTorch versions differ: Debian's 1.13 (CPU, CI) and the 2.x CUDA builds.
// Everything else in the engine calls these helpers and never tests TORCH_VERSION itself.
#pragma once
#include <torch/torch.h>
#include <torch/version.h>

#include <optional>

#define CSM_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace csm::compat {

// Scaled dot-product attention with grouped-query heads.
//   q [B, Hq, S, D], k/v [B, Hkv, T, D]; mask: bool [B|1, 1, S, T] (true = may attend) or undefined.
// With is_causal the mask must be undefined and S == T.
// 2.x: fused SDPA (flash / memory-efficient kernels on CUDA); 1.13: the explicit softmax form,
// computed in float32 like transformers' eager attention.
inline torch::Tensor attention(const torch::Tensor& q, torch::Tensor k, torch::Tensor v,
                               const torch::Tensor& mask, bool is_causal, double scale) {
  const int64_t groups = q.size(1) / k.size(1);
  if (groups > 1) {  // repeat_kv: [B, Hkv, T, D] -> [B, Hkv*groups, T, D]
    k = k.repeat_interleave(groups, 1);
    v = v.repeat_interleave(groups, 1);
  }
#if CSM_TORCH_AT_LEAST(2, 1)
  std::optional<torch::Tensor> m;
  if (mask.defined()) m = mask;
  return at::scaled_dot_product_attention(q, k, v, m, 0.0, is_causal, scale);
#else
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

}  // namespace csm::compat
