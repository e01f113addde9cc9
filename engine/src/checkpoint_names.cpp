// Sesame (torchtune) -> transformers weight names for CSM checkpoints; see checkpoint_names.h.
#include "checkpoint_names.h"

#include <array>
#include <cctype>
#include <utility>

namespace csm {
namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// Top-level tensors.
constexpr std::array<std::pair<const char*, const char*>, 7> kTopLevel{{
    {"text_embeddings.weight", "embed_text_tokens.weight"},
    {"audio_embeddings.weight", "backbone_model.embed_tokens.embed_audio_tokens.weight"},
    {"codebook0_head.weight", "lm_head.weight"},
    {"audio_head", "depth_decoder.codebooks_head.weight"},
    {"projection.weight", "depth_decoder.model.inputs_embeds_projector.weight"},
    {"backbone.norm.scale", "backbone_model.norm.weight"},
    {"decoder.norm.scale", "depth_decoder.model.norm.weight"},
}};

// Inside one transformer layer.
constexpr std::array<std::pair<const char*, const char*>, 9> kLayer{{
    {"sa_norm.scale", "input_layernorm.weight"},
    {"attn.q_proj.weight", "self_attn.q_proj.weight"},
    {"attn.k_proj.weight", "self_attn.k_proj.weight"},
    {"attn.v_proj.weight", "self_attn.v_proj.weight"},
    {"attn.output_proj.weight", "self_attn.o_proj.weight"},
    {"mlp_norm.scale", "post_attention_layernorm.weight"},
    {"mlp.w1.weight", "mlp.gate_proj.weight"},
    {"mlp.w2.weight", "mlp.down_proj.weight"},
    {"mlp.w3.weight", "mlp.up_proj.weight"},
}};

}  // namespace

std::optional<SesameName> map_sesame_name(const std::string& name) {
  // Buffers torchtune registers when caches are set up; they carry no weights.
  if (name.find(".kv_cache.") != std::string::npos || ends_with(name, "causal_mask") ||
      name.find("pos_embeddings.") != std::string::npos)
    return SesameName{SesameNameKind::Ignored, ""};

  for (const auto& [from, to] : kTopLevel)
    if (name == from) return SesameName{SesameNameKind::Weight, to};

  for (const auto& [stack, hf_stack] : {std::pair<std::string, std::string>{"backbone.layers.", "backbone_model.layers."},
                                        {"decoder.layers.", "depth_decoder.model.layers."}}) {
    if (!starts_with(name, stack)) continue;
    size_t pos = stack.size();
    size_t dot = name.find('.', pos);
    if (dot == std::string::npos || dot == pos) return std::nullopt;
    for (size_t i = pos; i < dot; ++i)
      if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
    const std::string index = name.substr(pos, dot - pos);
    const std::string rest = name.substr(dot + 1);
    for (const auto& [from, to] : kLayer) {
      if (rest != from) continue;
      const bool rope = rest == "attn.q_proj.weight" || rest == "attn.k_proj.weight";
      return SesameName{rope ? SesameNameKind::InterleavedRope : SesameNameKind::Weight, hf_stack + index + "." + to};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace csm
