// The CSM-1B network in LibTorch, top-down: config -> caches -> model -> stacks -> attention -> MLP
// -> norms -> RoPE. Internal header (includes torch); the public API is csm/csm_runtime.h.
//
// named_weights() lists every parameter under its transformers CsmForConditionalGeneration name
// ("backbone_model.layers.0.self_attn.q_proj.weight", ...): the Hugging Face layout loads by name
// and the one explicit name map (checkpoint_names.h) only translates Sesame's layout to it.
//
// Sequences are "frames" as in Sesame's reference: tokens [B, L, K+1] holds K audio codes and,
// in the last column, a text id; mask [B, L, K+1] says which columns are present. A text position
// embeds its text id, an audio position the sum of its K code embeddings (code k offset by k*V).
#pragma once
#include <torch/torch.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "csm/model_config.h"

namespace csm {

// ---- per-run state, apart from the read-only weights ----------------------------------------

// Preallocated keys/values of one attention layer: [B, Hkv, capacity, D].
struct KvCache {
  torch::Tensor keys;
  torch::Tensor values;
};

// Everything one generation run owns: caches of both stacks and the backbone's last hidden state.
struct InferenceState {
  std::vector<KvCache> backbone;
  std::vector<KvCache> depth;
  int64_t length = 0;           // positions already in the backbone cache
  int64_t capacity = 0;         // backbone cache size (<= max_position_embeddings)
  torch::Tensor last_hidden;    // [B, Hb] backbone output at the last position
};

// Chooses one code per batch row from logits [B, V]; `codebook` is 0..K-1.
using CodeSampler = std::function<torch::Tensor(const torch::Tensor& logits, int64_t codebook)>;

// Training forward outputs, as transformers computes them (losses kept apart for weighting).
struct TrainOutputs {
  torch::Tensor logits;          // [B, L, V] codebook-0 logits at every position
  torch::Tensor depth_logits;    // [N, K-1, V] for the N frames the depth decoder trains on
  torch::Tensor backbone_loss;   // scalar: codebook-0 cross-entropy (next-position)
  torch::Tensor depth_loss;      // scalar: codebooks 1..K-1 cross-entropy (zero when N == 0)
  int64_t depth_frames = 0;      // N
};

// ---- building blocks -------------------------------------------------------------------------
// Parameters are allocated uninitialised on the target device and dtype (a 1B model must not be
// randomly initialised in float32 on the CPU first only to be overwritten by a checkpoint);
// CsmModelImpl::init_random fills them the way transformers' _init_weights does.

struct RmsNormImpl : torch::nn::Module {
  RmsNormImpl(int64_t dim, double eps, const torch::TensorOptions& opts);
  torch::Tensor forward(const torch::Tensor& x);  // computed in float32, like transformers
  torch::Tensor weight;                           // [dim]
  double eps;
};
TORCH_MODULE(RmsNorm);

// cos/sin tables [max_positions, head_dim] in float32, llama3 frequency scaling applied.
struct RotaryTables {
  torch::Tensor cos, sin;
};
RotaryTables make_rotary_tables(const TransformerConfig& cfg);

struct AttentionImpl : torch::nn::Module {
  AttentionImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts);
  // x [B, S, H] at positions start..start+S-1. With a cache, keys/values are written into it and
  // attention spans positions 0..start+S-1; `key_mask` (bool [B, T], true = real token) masks padding.
  // With `position` (int64 [1] on the device) instead: one cached token at that position, keys over
  // the whole cache capacity with later positions masked (no host values: CUDA-graph friendly).
  torch::Tensor forward(const torch::Tensor& x, const RotaryTables& rope, int64_t start, KvCache* cache,
                        const torch::Tensor& key_mask, const torch::Tensor& position = {});
  torch::Tensor q_proj, k_proj, v_proj, o_proj;  // [out, in] like nn.Linear
  int64_t num_heads, num_kv_heads, head_dim;
};
TORCH_MODULE(Attention);

struct MlpImpl : torch::nn::Module {
  MlpImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts);
  torch::Tensor forward(const torch::Tensor& x);  // SwiGLU: down(silu(gate(x)) * up(x))
  torch::Tensor gate_proj, up_proj, down_proj;
};
TORCH_MODULE(Mlp);

struct DecoderLayerImpl : torch::nn::Module {
  DecoderLayerImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts);
  torch::Tensor forward(const torch::Tensor& x, const RotaryTables& rope, int64_t start, KvCache* cache,
                        const torch::Tensor& key_mask, const torch::Tensor& position = {});
  RmsNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
  Attention self_attn{nullptr};
  Mlp mlp{nullptr};
};
TORCH_MODULE(DecoderLayer);

// Layers + final norm, shared by the backbone and the depth decoder.
struct TransformerStackImpl : torch::nn::Module {
  TransformerStackImpl(const TransformerConfig& cfg, const torch::TensorOptions& opts);
  // x [B, S, H] -> normed hidden [B, S, H]. caches: one per layer, or null for a cache-free pass.
  torch::Tensor forward(const torch::Tensor& x, int64_t start, std::vector<KvCache>* caches,
                        const torch::Tensor& key_mask, const torch::Tensor& position = {});
  void add_named_weights(const std::string& prefix, std::map<std::string, torch::Tensor>& out);
  TransformerConfig cfg;
  std::vector<DecoderLayer> layers;
  RmsNorm norm{nullptr};
  RotaryTables rope;  // tables in the weights' dtype and device
};
TORCH_MODULE(TransformerStack);

// ---- the model --------------------------------------------------------------------------------

class CsmModelImpl : public torch::nn::Module {
 public:
  CsmModelImpl(const CsmConfig& cfg, const torch::TensorOptions& opts);
  void init_random(uint64_t seed);  // normal(0, 0.02) weights, unit norms (transformers' init)
  const CsmConfig& config() const { return cfg_; }

  // Parameters by their transformers names (what checkpoints are loaded into).
  std::map<std::string, torch::Tensor> named_weights();

  // tokens/mask [B, L, K+1] -> backbone input embeddings [B, L, Hb].
  torch::Tensor embed_frames(const torch::Tensor& tokens, const torch::Tensor& mask);

  // Teacher-forced training forward. labels [B, L, K]: code ids, -100 = ignore; a frame whose
  // codebooks 1..K-1 are all -100 trains the backbone only (transformers' -101 frames).
  // attention_mask [B, L] (1 = token, 0 = padding) may be undefined.
  TrainOutputs forward_train(const torch::Tensor& tokens, const torch::Tensor& mask,
                             const torch::Tensor& attention_mask, const torch::Tensor& labels);

  // Depth decoder without a cache: backbone hidden [N, Hb] + codes 0..K-2 [N, K-1] -> [N, K-1, V].
  torch::Tensor depth_logits(const torch::Tensor& backbone_hidden, const torch::Tensor& codes);

  // ---- inference with preallocated caches ----
  InferenceState new_state(int64_t batch, int64_t capacity) const;
  // Runs the prompt through the backbone; returns codebook-0 logits of the last position [B, V].
  torch::Tensor prefill(InferenceState& state, const torch::Tensor& tokens, const torch::Tensor& mask);
  // Appends one audio frame [B, K]; returns the next codebook-0 logits [B, V].
  torch::Tensor append_frame(InferenceState& state, const torch::Tensor& frame);
  // append_frame for replayable steps: the frame goes to the device-side `position` (int64 [1]) and
  // state.length is not touched (the caller tracks positions); sets state.last_hidden only.
  void append_frame_at(InferenceState& state, const torch::Tensor& frame, const torch::Tensor& position);
  // Codes of the next frame [B, K]: codebook 0 from the backbone's last hidden state, codebooks
  // 1..K-1 from the depth decoder (cached, one codebook per step), each chosen by `sample`.
  torch::Tensor decode_frame(InferenceState& state, const CodeSampler& sample);

  torch::Tensor embed_text_tokens;   // [Vt, Hb]
  torch::Tensor embed_audio_tokens;  // [K*V, Hb] backbone audio embeddings
  TransformerStack backbone{nullptr};
  torch::Tensor lm_head;             // [V, Hb] codebook-0 head
  torch::Tensor depth_embed_tokens;  // [K*V, Hb]; Sesame's layout ties it to embed_audio_tokens
  torch::Tensor depth_projector;     // [Hd, Hb]
  TransformerStack depth{nullptr};
  torch::Tensor codebooks_head;      // [K-1, Hd, V] heads of codebooks 1..K-1

 private:
  torch::Tensor depth_embed(const torch::Tensor& codes, int64_t first_codebook);
  torch::Tensor backbone_step(InferenceState& state, const torch::Tensor& embeds, const torch::Tensor& key_mask);

  CsmConfig cfg_;
};
TORCH_MODULE(CsmModel);

// transformers' 2-D training labels -> the [B, L, K] labels forward_train takes.
// frame_labels [B, L]: `audio_token_id` = train all codebooks of that frame, -101 = codebook 0
// only (backbone-only frame), -100 = ignore. codes [B, L, K] holds the frames' codes.
torch::Tensor expand_frame_labels(const torch::Tensor& frame_labels, const torch::Tensor& codes, int64_t audio_token_id);

}  // namespace csm
