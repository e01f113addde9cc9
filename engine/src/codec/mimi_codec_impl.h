// MimiCodec's state, for engine-internal callers that work with tensors (generator, trainer,
// dataset import on the GPU): `codec.impl().model` is the MimiModel (see mimi_model.h).
#pragma once
#include <string>

#include "codec/mimi_model.h"
#include "csm/codec/mimi_codec.h"

namespace csm {

struct MimiCodec::Impl {
  Impl(const MimiConfig& cfg, torch::Device device, torch::Dtype dtype) : model(cfg, device, dtype) {}
  MimiModel model;
  std::string layout;         // "csm", "mimi", "moshi" or "random"
  std::string source;         // the path named in errors
  int64_t num_codebooks = 0;  // codebooks encoded / expected by decode
};

// Whether transformers' MimiModel (eager/SDPA attention, no cache) limits attention to
// config.sliding_window: it does (transformers 5.17, SDPA; measured by tools/make_mimi_fixtures.py).
constexpr bool kTransformersUsesSlidingWindow = true;

// The attention window MimiModel uses for CodecOptions::attention_window (-1 = as transformers).
int64_t resolve_attention_window(int option, const MimiConfig& cfg);

}  // namespace csm
