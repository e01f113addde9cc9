// CSM-1B in LibTorch: Llama-style backbone + depth decoder, computed as transformers'
// CsmForConditionalGeneration computes them (golden-tested against its outputs, see
// tests/test_csm_golden.cpp). Shapes: B batch, L/S sequence, K codebooks, V audio vocabulary,
// Hb/Hd hidden sizes of backbone/depth decoder, H heads, D head dim.
#include "csm_model.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

#include "csm/errors.h"
#include "torch_compat.h"

namespace csm {
namespace F = torch::nn::functional;

namespace {

constexpr int64_t kIgnoreIndex = -100;

torch::Tensor rotate_half(const torch::Tensor& x) {
  auto halves = x.chunk(2, -1);
  return torch::cat({-halves[1], halves[0]}, -1);
}

torch::Tensor cross_entropy(const torch::Tensor& logits, const torch::Tensor& labels) {
  // float32 like transformers' ForCausalLMLoss; mean over the labels that are not ignored
  return F::cross_entropy(logits.to(torch::kFloat32).reshape({-1, logits.size(-1)}), labels.reshape({-1}),
                          F::CrossEntropyFuncOptions().ignore_index(kIgnoreIndex));
}

}  // namespace

// ---- RMSNorm ---------------------------------------------------------------------------------

RmsNormImpl::RmsNormImpl(int64_t dim, double eps_, const torch::TensorOptions& opts) : eps(eps_) {
  weight = register_parameter("weight", torch::empty({dim}, opts));
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
  auto h = x.to(torch::kFloat32);
  h = h * torch::rsqrt(h.pow(2).mean(-1, /*keepdim=*/true) + eps);
  return weight * h.to(x.scalar_type());
}

// ---- RoPE ------------------------------------------------------------------------------------

RotaryTables make_rotary_tables(const TransformerConfig& cfg) {
  const int64_t dim = cfg.head_dim;
  const RopeConfig& r = cfg.rope;
  // inv_freq = 1 / theta^(2i/dim), in float32 as transformers computes it
  auto exponents = torch::arange(0, dim, 2, torch::kInt64).to(torch::kFloat32) / static_cast<float>(dim);
  auto inv_freq = 1.0 / torch::pow(static_cast<float>(r.theta), exponents);
  if (r.type == "llama3") {
    // Llama 3.1 scaling: long wavelengths slowed by `factor`, short ones kept, a smooth ramp between.
    const double old_len = static_cast<double>(r.original_max_position_embeddings);
    const double low_wavelen = old_len / r.low_freq_factor;
    const double high_wavelen = old_len / r.high_freq_factor;
    auto wavelen = 2 * M_PI / inv_freq;
    auto scaled = torch::where(wavelen > low_wavelen, inv_freq / r.factor, inv_freq);
    auto smooth = (old_len / wavelen - r.low_freq_factor) / (r.high_freq_factor - r.low_freq_factor);
    auto smoothed = (1 - smooth) * scaled / r.factor + smooth * scaled;
    auto medium = (wavelen < high_wavelen).logical_not().logical_and((wavelen > low_wavelen).logical_not());
    inv_freq = torch::where(medium, smoothed, scaled);
  }
  auto positions = torch::arange(cfg.max_position_embeddings, torch::kFloat32);
  auto freqs = torch::outer(positions, inv_freq.to(torch::kFloat32));  // [P, D/2]
  auto emb = torch::cat({freqs, freqs}, -1);                           // [P, D]
  return {emb.cos(), emb.sin()};
}

// ---- attention -------------------------------------------------------------------------------

AttentionImpl::AttentionImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts)
    : num_heads(cfg.num_heads), num_kv_heads(cfg.num_kv_heads), head_dim(cfg.head_dim) {
  q_proj = register_parameter("q_proj", torch::empty({num_heads * head_dim, cfg.hidden_size}, opts));
  k_proj = register_parameter("k_proj", torch::empty({num_kv_heads * head_dim, cfg.hidden_size}, opts));
  v_proj = register_parameter("v_proj", torch::empty({num_kv_heads * head_dim, cfg.hidden_size}, opts));
  o_proj = register_parameter("o_proj", torch::empty({cfg.hidden_size, num_heads * head_dim}, opts));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const RotaryTables& rope, int64_t start,
                                     KvCache* cache, const torch::Tensor& key_mask, const torch::Tensor& position) {
  const int64_t B = x.size(0), S = x.size(1);
  auto q = F::linear(x, q_proj).view({B, S, num_heads, head_dim}).transpose(1, 2);     // [B, H, S, D]
  auto k = F::linear(x, k_proj).view({B, S, num_kv_heads, head_dim}).transpose(1, 2);  // [B, Hkv, S, D]
  auto v = F::linear(x, v_proj).view({B, S, num_kv_heads, head_dim}).transpose(1, 2);

  // A device-side position (one token, cached) keeps the step free of host values, so it can be
  // recorded once in a CUDA graph and replayed at every position.
  const bool at_device_position = position.defined();
  auto cos = at_device_position ? rope.cos.index_select(0, position) : rope.cos.slice(0, start, start + S);  // [S, D]
  auto sin = at_device_position ? rope.sin.index_select(0, position) : rope.sin.slice(0, start, start + S);
  q = q * cos + rotate_half(q) * sin;
  k = k * cos + rotate_half(k) * sin;

  torch::Tensor mask;
  bool is_causal = false;
  if (at_device_position) {
    cache->keys.index_copy_(2, position, k);
    cache->values.index_copy_(2, position, v);
    k = cache->keys;  // [B, Hkv, capacity, D]: positions after `position` are masked out
    v = cache->values;
    mask = (torch::arange(k.size(2), position.options()) <= position).view({1, 1, 1, k.size(2)});
  } else {
    if (cache) {
      cache->keys.slice(2, start, start + S).copy_(k);
      cache->values.slice(2, start, start + S).copy_(v);
      k = cache->keys.slice(2, 0, start + S);  // [B, Hkv, T, D]
      v = cache->values.slice(2, 0, start + S);
    }
    const int64_t T = k.size(2);
    if (key_mask.defined() || (S > 1 && start > 0)) {
      // query i sits at position start + i and may see keys 0..start + i (and no padding)
      auto query_pos = torch::arange(start, start + S, x.options().dtype(torch::kInt64)).unsqueeze(1);  // [S, 1]
      auto key_pos = torch::arange(T, x.options().dtype(torch::kInt64)).unsqueeze(0);                  // [1, T]
      mask = (key_pos <= query_pos).view({1, 1, S, T});
      if (key_mask.defined()) mask = mask.logical_and(key_mask.slice(1, 0, T).view({B, 1, 1, T}));
    } else if (S > 1) {
      is_causal = true;  // plain prefill: the fused kernels' causal mode, no mask tensor
    }
  }
  auto out = compat::attention(q, k, v, mask, is_causal, 1.0 / std::sqrt(static_cast<double>(head_dim)));
  out = out.transpose(1, 2).reshape({B, S, num_heads * head_dim});  // [B, S, H*D]
  return F::linear(out, o_proj);
}

// ---- MLP, layer, stack -----------------------------------------------------------------------

MlpImpl::MlpImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts) {
  gate_proj = register_parameter("gate_proj", torch::empty({cfg.intermediate_size, cfg.hidden_size}, opts));
  up_proj = register_parameter("up_proj", torch::empty({cfg.intermediate_size, cfg.hidden_size}, opts));
  down_proj = register_parameter("down_proj", torch::empty({cfg.hidden_size, cfg.intermediate_size}, opts));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
  return F::linear(torch::silu(F::linear(x, gate_proj)) * F::linear(x, up_proj), down_proj);
}

DecoderLayerImpl::DecoderLayerImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts) {
  input_layernorm = register_module("input_layernorm", RmsNorm(cfg.hidden_size, cfg.rms_norm_eps, opts));
  self_attn = register_module("self_attn", Attention(cfg, opts));
  post_attention_layernorm =
      register_module("post_attention_layernorm", RmsNorm(cfg.hidden_size, cfg.rms_norm_eps, opts));
  mlp = register_module("mlp", Mlp(cfg, opts));
}

torch::Tensor DecoderLayerImpl::forward(const torch::Tensor& x, const RotaryTables& rope, int64_t start,
                                        KvCache* cache, const torch::Tensor& key_mask, const torch::Tensor& position) {
  auto h = x + self_attn->forward(input_layernorm->forward(x), rope, start, cache, key_mask, position);
  return h + mlp->forward(post_attention_layernorm->forward(h));
}

TransformerStackImpl::TransformerStackImpl(const TransformerConfig& cfg_, const torch::TensorOptions& opts)
    : cfg(cfg_) {
  for (int64_t i = 0; i < cfg.num_layers; ++i)
    layers.push_back(register_module("layer" + std::to_string(i), DecoderLayer(cfg, opts)));
  norm = register_module("norm", RmsNorm(cfg.hidden_size, cfg.rms_norm_eps, opts));
  // computed in float32 then cast once, as transformers casts them to the activations' dtype
  rope = make_rotary_tables(cfg);
  rope.cos = rope.cos.to(opts.device(), opts.dtype());
  rope.sin = rope.sin.to(opts.device(), opts.dtype());
}

torch::Tensor TransformerStackImpl::forward(const torch::Tensor& x, int64_t start, std::vector<KvCache>* caches,
                                            const torch::Tensor& key_mask, const torch::Tensor& position) {
  if (!position.defined() && start + x.size(1) > cfg.max_position_embeddings)
    throw InputError("sequence of " + std::to_string(start + x.size(1)) + " positions exceeds the model's maximum of " +
                     std::to_string(cfg.max_position_embeddings));
  auto h = x;
  for (size_t i = 0; i < layers.size(); ++i)
    h = layers[i]->forward(h, rope, start, caches ? &(*caches)[i] : nullptr, key_mask, position);
  return norm->forward(h);
}

void TransformerStackImpl::add_named_weights(const std::string& prefix, std::map<std::string, torch::Tensor>& out) {
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string p = prefix + "layers." + std::to_string(i) + ".";
    auto& layer = layers[i];
    out[p + "input_layernorm.weight"] = layer->input_layernorm->weight;
    out[p + "self_attn.q_proj.weight"] = layer->self_attn->q_proj;
    out[p + "self_attn.k_proj.weight"] = layer->self_attn->k_proj;
    out[p + "self_attn.v_proj.weight"] = layer->self_attn->v_proj;
    out[p + "self_attn.o_proj.weight"] = layer->self_attn->o_proj;
    out[p + "post_attention_layernorm.weight"] = layer->post_attention_layernorm->weight;
    out[p + "mlp.gate_proj.weight"] = layer->mlp->gate_proj;
    out[p + "mlp.up_proj.weight"] = layer->mlp->up_proj;
    out[p + "mlp.down_proj.weight"] = layer->mlp->down_proj;
  }
  out[prefix + "norm.weight"] = norm->weight;
}

// ---- the model -------------------------------------------------------------------------------

CsmModelImpl::CsmModelImpl(const CsmConfig& cfg, const torch::TensorOptions& opts) : cfg_(cfg) {
  const int64_t K = cfg.num_codebooks, V = cfg.audio_vocab_size;
  const int64_t Hb = cfg.backbone.hidden_size, Hd = cfg.depth.hidden_size;
  embed_text_tokens = register_parameter("embed_text_tokens", torch::empty({cfg.text_vocab_size, Hb}, opts));
  embed_audio_tokens = register_parameter("embed_audio_tokens", torch::empty({K * V, Hb}, opts));
  backbone = register_module("backbone", TransformerStack(cfg.backbone, opts));
  lm_head = register_parameter("lm_head", torch::empty({V, Hb}, opts));
  depth_embed_tokens = register_parameter("depth_embed_tokens", torch::empty({K * V, Hb}, opts));
  depth_projector = register_parameter("depth_projector", torch::empty({Hd, Hb}, opts));
  depth = register_module("depth", TransformerStack(cfg.depth, opts));
  codebooks_head = register_parameter("codebooks_head", torch::empty({K - 1, Hd, V}, opts));
}

void CsmModelImpl::init_random(uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::detail::createCPUGenerator(seed);
  for (auto& [name, w] : named_weights()) {
    const bool is_norm = name.find("norm.weight") != std::string::npos;
    auto values = is_norm ? torch::ones(w.sizes(), torch::kFloat32)
                          : at::normal(0.0, 0.02, w.sizes(), gen, torch::TensorOptions(torch::kFloat32));
    w.copy_(values);
  }
}

std::map<std::string, torch::Tensor> CsmModelImpl::named_weights() {
  std::map<std::string, torch::Tensor> out;
  out["embed_text_tokens.weight"] = embed_text_tokens;
  out["backbone_model.embed_tokens.embed_audio_tokens.weight"] = embed_audio_tokens;
  backbone->add_named_weights("backbone_model.", out);
  out["lm_head.weight"] = lm_head;
  out["depth_decoder.model.embed_tokens.weight"] = depth_embed_tokens;
  out["depth_decoder.model.inputs_embeds_projector.weight"] = depth_projector;
  depth->add_named_weights("depth_decoder.model.", out);
  out["depth_decoder.codebooks_head.weight"] = codebooks_head;
  return out;
}

torch::Tensor CsmModelImpl::embed_frames(const torch::Tensor& tokens, const torch::Tensor& mask) {
  const int64_t K = cfg_.num_codebooks, V = cfg_.audio_vocab_size;
  auto offsets = torch::arange(K, tokens.options()) * V;
  auto audio = F::embedding(tokens.slice(2, 0, K) + offsets, embed_audio_tokens);  // [B, L, K, Hb]
  auto text = F::embedding(tokens.select(2, K), embed_text_tokens);                // [B, L, Hb]
  auto m = mask.to(audio.scalar_type());
  return (audio * m.slice(2, 0, K).unsqueeze(-1)).sum(2) + text * m.select(2, K).unsqueeze(-1);
}

torch::Tensor CsmModelImpl::depth_embed(const torch::Tensor& codes, int64_t first_codebook) {
  // codes [N, S] of codebooks first..first+S-1 -> [N, S, Hb]
  const int64_t S = codes.size(1), V = cfg_.audio_vocab_size;
  auto offsets = (torch::arange(S, codes.options()) + first_codebook) * V;
  return F::embedding(codes + offsets, depth_embed_tokens);
}

torch::Tensor CsmModelImpl::depth_logits(const torch::Tensor& backbone_hidden, const torch::Tensor& codes) {
  // position 0 carries the backbone state, position j >= 1 the code of codebook j-1
  auto x = torch::cat({backbone_hidden.unsqueeze(1), depth_embed(codes, 0)}, 1);  // [N, K, Hb]
  auto h = depth->forward(F::linear(x, depth_projector), 0, nullptr, {});         // [N, K, Hd]
  // position j predicts codebook j with its own head codebooks_head[j-1]
  auto per_codebook = h.slice(1, 1).transpose(0, 1);                              // [K-1, N, Hd]
  return torch::bmm(per_codebook, codebooks_head).transpose(0, 1);                // [N, K-1, V]
}

TrainOutputs CsmModelImpl::forward_train(const torch::Tensor& tokens, const torch::Tensor& mask,
                                         const torch::Tensor& attention_mask, const torch::Tensor& labels) {
  const int64_t K = cfg_.num_codebooks, L = tokens.size(1);
  torch::Tensor key_mask = attention_mask.defined() ? attention_mask.to(torch::kBool) : torch::Tensor();
  auto hidden = backbone->forward(embed_frames(tokens, mask), 0, nullptr, key_mask);  // [B, L, Hb]

  TrainOutputs out;
  out.logits = F::linear(hidden, lm_head);  // [B, L, V]
  // position t predicts codebook 0 of position t+1
  out.backbone_loss = cross_entropy(out.logits.slice(1, 0, L - 1), labels.slice(1, 1).select(2, 0));

  // The depth decoder trains on frames with any codebook-1..K-1 label.
  auto train_mask = (labels.slice(2, 1) != kIgnoreIndex).any(-1);  // [B, L]
  auto idx = train_mask.nonzero();                                 // [N, 2]
  out.depth_frames = idx.size(0);
  if (out.depth_frames == 0) {
    out.depth_logits = torch::zeros({0, K - 1, cfg_.audio_vocab_size}, out.logits.options());
    out.depth_loss = torch::zeros({}, out.logits.options().dtype(torch::kFloat32));
    return out;
  }
  auto b = idx.select(1, 0), t = idx.select(1, 1);
  // the frame at t is generated from the backbone state at t-1 (transformers wraps t == 0 to L-1)
  auto prev = torch::remainder(t - 1 + L, L);
  auto frame_hidden = hidden.index({b, prev});          // [N, Hb]
  auto frame_labels = labels.index({b, t});             // [N, K]
  // ignored codes still need an embedding row; their predictions are not scored
  auto codes = frame_labels.slice(1, 0, K - 1).clamp_min(0);
  out.depth_logits = depth_logits(frame_hidden, codes);  // [N, K-1, V]
  out.depth_loss = cross_entropy(out.depth_logits, frame_labels.slice(1, 1));
  return out;
}

// ---- inference -------------------------------------------------------------------------------

InferenceState CsmModelImpl::new_state(int64_t batch, int64_t capacity) const {
  if (capacity > cfg_.backbone.max_position_embeddings)
    throw InputError("a context of " + std::to_string(capacity) + " positions exceeds the model's maximum of " +
                     std::to_string(cfg_.backbone.max_position_embeddings));
  auto opts = embed_audio_tokens.options().requires_grad(false);
  InferenceState state;
  state.capacity = capacity;
  auto allocate = [&](const TransformerConfig& c, int64_t positions, std::vector<KvCache>& caches) {
    for (int64_t i = 0; i < c.num_layers; ++i)
      caches.push_back({torch::zeros({batch, c.num_kv_heads, positions, c.head_dim}, opts),
                        torch::zeros({batch, c.num_kv_heads, positions, c.head_dim}, opts)});
  };
  allocate(cfg_.backbone, capacity, state.backbone);
  allocate(cfg_.depth, cfg_.num_codebooks, state.depth);
  return state;
}

torch::Tensor CsmModelImpl::backbone_step(InferenceState& state, const torch::Tensor& embeds,
                                          const torch::Tensor& key_mask) {
  const int64_t S = embeds.size(1);
  if (state.length + S > state.capacity)
    throw InputError("the context budget of " + std::to_string(state.capacity) + " positions is used up (" +
                     std::to_string(state.length) + " used, " + std::to_string(S) + " more asked)");
  auto hidden = backbone->forward(embeds, state.length, &state.backbone, key_mask);  // [B, S, Hb]
  state.length += S;
  state.last_hidden = hidden.select(1, S - 1);
  return F::linear(state.last_hidden, lm_head);  // [B, V]
}

torch::Tensor CsmModelImpl::prefill(InferenceState& state, const torch::Tensor& tokens, const torch::Tensor& mask) {
  return backbone_step(state, embed_frames(tokens, mask), {});
}

torch::Tensor CsmModelImpl::append_frame(InferenceState& state, const torch::Tensor& frame) {
  const int64_t B = frame.size(0), K = cfg_.num_codebooks;
  auto tokens = torch::cat({frame, torch::zeros({B, 1}, frame.options())}, 1).unsqueeze(1);  // [B, 1, K+1]
  auto mask = torch::ones({B, 1, K + 1}, frame.options().dtype(torch::kBool));
  mask.select(2, K).fill_(false);
  return backbone_step(state, embed_frames(tokens, mask), {});
}

void CsmModelImpl::append_frame_at(InferenceState& state, const torch::Tensor& frame, const torch::Tensor& position) {
  const int64_t B = frame.size(0), K = cfg_.num_codebooks, Hb = cfg_.backbone.hidden_size;
  // the frame's embedding: sum of its K code embeddings (no text column)
  auto offsets = torch::arange(K, frame.options()) * cfg_.audio_vocab_size;
  auto embeds = F::embedding(frame + offsets, embed_audio_tokens).sum(1).view({B, 1, Hb});  // [B, 1, Hb]
  auto hidden = backbone->forward(embeds, 0, &state.backbone, {}, position);                // [B, 1, Hb]
  state.last_hidden = hidden.select(1, 0);
}

torch::Tensor CsmModelImpl::decode_frame(InferenceState& state, const CodeSampler& sample) {
  const int64_t K = cfg_.num_codebooks;
  std::vector<torch::Tensor> codes;
  codes.push_back(sample(F::linear(state.last_hidden, lm_head), 0).reshape({-1}));  // [B]
  // depth decoder: [backbone state, code 0] at positions 0 and 1, then one codebook per step
  auto x = torch::cat({state.last_hidden.unsqueeze(1), depth_embed(codes[0].unsqueeze(1), 0)}, 1);  // [B, 2, Hb]
  auto h = depth->forward(F::linear(x, depth_projector), 0, &state.depth, {});
  for (int64_t i = 1; i < K; ++i) {
    auto logits = torch::matmul(h.select(1, h.size(1) - 1), codebooks_head[i - 1]);  // [B, V]
    codes.push_back(sample(logits, i).reshape({-1}));
    if (i + 1 < K)
      h = depth->forward(F::linear(depth_embed(codes.back().unsqueeze(1), i), depth_projector), i + 1, &state.depth, {});
  }
  return torch::stack(codes, 1);  // [B, K]
}

torch::Tensor expand_frame_labels(const torch::Tensor& frame_labels, const torch::Tensor& codes, int64_t audio_token_id) {
  auto labels = torch::full_like(codes, kIgnoreIndex);                                   // [B, L, K]
  auto audio = (frame_labels == audio_token_id).unsqueeze(-1);                            // [B, L, 1]
  auto backbone_only = (frame_labels == -101).unsqueeze(-1);
  labels = torch::where(audio, codes, labels);
  auto first_only = torch::full_like(codes, kIgnoreIndex);
  first_only.select(2, 0).copy_(codes.select(2, 0));
  return torch::where(backbone_only, first_only, labels);
}

}  // namespace csm
