// Temperature + top-k sampling (see sampling.h).
#include "generate/sampling.h"

#include <cmath>

#include "csm/errors.h"

namespace csm {

void validate_sampling(const SamplingSettings& s) {
  if (s.topk < 1) throw InputError("top-k must be at least 1 (got " + std::to_string(s.topk) + ")");
  if (!std::isfinite(s.temperature)) throw InputError("temperature must be a finite number");
}

torch::Tensor sample_topk(const torch::Tensor& logits, const SamplingSettings& s, at::Generator& generator) {
  if (s.temperature <= 0 || s.topk == 1) return logits.argmax(-1);
  auto scaled = logits.to(torch::kFloat32) / s.temperature;  // [B, V]
  if (s.topk < scaled.size(-1)) {
    auto kth = std::get<0>(scaled.topk(s.topk, -1)).select(-1, s.topk - 1).unsqueeze(-1);  // [B, 1]
    scaled = scaled.masked_fill(scaled < kth, -std::numeric_limits<float>::infinity());
  }
  auto probs = torch::softmax(scaled, -1);
  // argmax(p / q) with q ~ Exp(1) draws from p, on the device, without a host sync
  auto race = torch::empty_like(probs).exponential_(1, generator);
  return (probs / race).argmax(-1);
}

at::Generator make_seeded_generator(const torch::Device& device, uint64_t seed) {
  at::Generator gen = at::globalContext().defaultGenerator(device).clone();
  gen.set_current_seed(seed);
  return gen;
}

}  // namespace csm
