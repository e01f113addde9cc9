// Finds and reads Mimi codec weights in the three layouts we meet (internal, includes torch):
//   "csm"   a CSM folder (config.json model_type "csm" + model.safetensors or a sharded index):
//           the `codec_model.*` tensors, configured by the config's codec_config section;
//   "mimi"  a standalone kyutai/mimi folder (config.json model_type "mimi" + model.safetensors);
//   "moshi" Moshi's original checkpoint, the file Sesame's generator loads
//           (e.g. tokenizer-e351c8d8-checkpoint125.safetensors): Moshi's tensor names, fused q/k/v
//           projections with interleaved RoPE rows; configured by a config.json beside it
//           (model_type mimi or csm) or else kyutai/mimi's defaults, codebook count from the file.
// Names are translated to transformers' ones by one explicit map (map_moshi_name); the model's
// strict loader then rejects unknown, missing or mis-shaped tensors naming file and tensor.
#pragma once
#include <torch/torch.h>

#include <map>
#include <optional>
#include <string>

#include "codec/mimi_config.h"

namespace csm {

struct MimiCheckpoint {
  MimiConfig config;
  std::map<std::string, torch::Tensor> weights;  // transformers names, on the CPU as stored
  std::string layout;                            // "csm", "mimi" or "moshi"
  std::string weights_path;                      // the file named in errors
};

// `path`: a folder, a model.safetensors file or a Moshi checkpoint file. Throws csm::InputError.
MimiCheckpoint read_mimi_checkpoint(const std::string& path);

// The codec of an already loaded CSM checkpoint: `codec_model.` tensors (prefix removed) and the
// config's codec_config JSON. `source` names the folder in errors.
MimiCheckpoint mimi_checkpoint_from_csm(const std::map<std::string, torch::Tensor>& codec_weights,
                                        const std::string& codec_config_json, const std::string& source);

// Moshi name -> transformers name; nullopt when the name is no Mimi tensor. The fused projection
// maps to "<layer>.self_attn.in_proj_weight", which convert_moshi_weights splits into q/k/v.
std::optional<std::string> map_moshi_name(const std::string& moshi_name);

// A Moshi state dict in transformers' names: q/k/v split and q/k rows reordered from interleaved
// RoPE pairs to rotate-half halves. Unknown names -> csm::InputError naming `file`.
std::map<std::string, torch::Tensor> convert_moshi_weights(const std::map<std::string, torch::Tensor>& moshi,
                                                           const MimiConfig& cfg, const std::string& file);

}  // namespace csm
