// Cheap, torch-free checks on CSM checkpoints for the voice profile library: "is this a CSM
// checkpoint", "which files make it up" and "which model is it" (an identity hash).
//
//   csm::check_csm_checkpoint("/models/john");          // throws csm::InputError with the fix
//   std::string id = csm::model_identity("/models/john"); // "sha256:9f2c..."
//
// Accepted layouts (those the engine's loader reads):
//   - a folder with config.json (model_type "csm", read with csm::read_model_config) and
//     model.safetensors or a sharded model.safetensors.index.json;
//   - a folder with Sesame's ckpt.pt, or a *.pt / *.pth file (checked to be a torch.save zip or
//     pickle by its first bytes; its config.json, if beside it, must be valid).
//
// Identity hash, "sha256:<64 hex>": SHA-256 over, in order,
//   "csm-model-identity-v1\n";
//   config.json's bytes, when there is one;
//   for each weights file (sorted by name): its name, its size in decimal, and, for safetensors,
//   its 8-byte header length plus the JSON header; then 16 evenly spaced 64 KiB windows of the file
//   (the whole file when it is smaller than 1 MiB).
// It reads about 1 MiB per weights file, so it takes milliseconds even for csm-1b, and it tells a
// fine-tuned model from its base (same header, different weights) because the windows sample the
// weights themselves. It is an identity, not an integrity check: a change that touches no sampled
// window goes unseen.
#pragma once
#include <string>
#include <vector>

namespace csm {

// Throws csm::InputError("<path>: <what is wrong and how to fix it>") unless `path` holds a CSM
// checkpoint in one of the layouts above.
void check_csm_checkpoint(const std::string& path);

// The files that make up the checkpoint at `path` (absolute or as given), config.json first when
// there is one, then weights; generation_config.json / tokenizer files beside them are included
// too so an exported model loads the same. Assumes check_csm_checkpoint passed.
std::vector<std::string> checkpoint_files(const std::string& path);

// "sha256:<hex>" identity as described above. Throws csm::InputError when files cannot be read.
std::string model_identity(const std::string& path);

// Lower-case hex SHA-256 of `bytes` (used by archives for their checksums).
std::string sha256_hex(const std::string& bytes);

}  // namespace csm
