// Strict checkpoint loading and saving for the CSM model (internal, includes torch).
//
// Reads a model folder or file in either layout:
//   - Hugging Face (`sesame/csm-1b`): config.json + model.safetensors (or a sharded
//     model.safetensors.index.json); `codec_model.*` tensors are kept for the Mimi codec.
//   - Sesame's original: ckpt.pt, a torch.save'd flat state dict (read with LibTorch's unpickler,
//     tensors only, no code executed); config.json beside it, or the preset whose shapes match.
// Unknown tensor, missing tensor, wrong shape or non-float dtype -> csm::InputError naming the
// tensor, the file and both shapes.
#pragma once
#include <torch/torch.h>

#include <map>
#include <string>

#include "csm_model.h"

namespace csm {

struct LoadedCheckpoint {
  CsmModel model{nullptr};
  std::string layout;                                  // "huggingface" or "sesame"
  std::string weights_path;                            // the file the weights came from
  std::map<std::string, torch::Tensor> codec_weights;  // "codec_model." prefix removed
};

LoadedCheckpoint load_checkpoint(const std::string& path, torch::Device device, torch::Dtype dtype);

// Writes `dir`/config.json and `dir`/model.safetensors (Hugging Face layout, weights as stored,
// codec weights included), each atomically.
void save_checkpoint(CsmModelImpl& model, const std::map<std::string, torch::Tensor>& codec_weights,
                     const std::string& dir);

}  // namespace csm
