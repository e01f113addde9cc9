// The one explicit name map between checkpoint layouts. The engine's canonical names are those of
// transformers' CsmForConditionalGeneration (`sesame/csm-1b` model.safetensors); Sesame's original
// checkpoint (its ckpt.pt state dict, torchtune module names) is translated here.
#pragma once
#include <optional>
#include <string>

namespace csm {

enum class SesameNameKind {
  Weight,           // maps to `hf_name`
  InterleavedRope,  // q/k projection in torchtune's interleaved RoPE order: rows must be permuted
  Ignored,          // runtime buffer saved with the state dict (kv caches, causal masks)
};

struct SesameName {
  SesameNameKind kind = SesameNameKind::Weight;
  std::string hf_name;
};

// std::nullopt when `name` is not a CSM weight in Sesame's layout.
std::optional<SesameName> map_sesame_name(const std::string& name);

// The Hugging Face name of the depth decoder's code embedding, which Sesame's model shares with
// the backbone's audio embedding ("audio_embeddings.weight").
inline const char* kDepthEmbedName = "depth_decoder.model.embed_tokens.weight";
inline const char* kBackboneAudioEmbedName = "backbone_model.embed_tokens.embed_audio_tokens.weight";

}  // namespace csm
