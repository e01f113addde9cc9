// Code sampling for generation: temperature + top-k, as Sesame's reference generator samples
// (top-k filter, softmax, then the "exponential race" draw that needs no host synchronisation).
// Pure functions of (logits, settings, generator) so they are table-tested in isolation.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace csm {

struct SamplingSettings {
  double temperature = 0.9;  // <= 0 means greedy (argmax)
  int64_t topk = 50;         // >= vocabulary size means no filtering
};

// Throws csm::InputError for topk < 1 or a non-finite temperature.
void validate_sampling(const SamplingSettings& settings);

// logits [B, V] -> codes [B] (int64, same device). Deterministic for a given generator state.
torch::Tensor sample_topk(const torch::Tensor& logits, const SamplingSettings& settings, at::Generator& generator);

// A generator on `device` seeded with `seed` (independent of the global one).
at::Generator make_seeded_generator(const torch::Device& device, uint64_t seed);

}  // namespace csm
