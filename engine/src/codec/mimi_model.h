// The Mimi audio codec in LibTorch, matching transformers' MimiModel (internal, includes torch).
// Top-down: weights -> SEANet encoder -> encoder transformer -> down-sampling -> split RVQ ->
// up-sampling -> decoder transformer -> SEANet decoder; then the streaming decoder state.
//
// Weights are kept by their transformers names ("encoder.layers.0.conv.weight", ...), read-only
// once loaded; per-run state (the streaming decoder's convolution tails and KV caches) lives in
// MimiDecoderState. The generator and the trainer use this header directly with tensors on the
// GPU; the torch-free public API is csm/codec/mimi_codec.h.
//
// Precision: the SEANet convolutions and transformers run in the model dtype (float32 or bfloat16);
// the quantizer (projections, codebooks, nearest-code search) always runs in float32, so bf16
// codes stay as close as possible to the float32 ones.
//
// Attention span: `attention_window` keys per query (itself included), 0 = unlimited causal.
// transformers' MimiModel (5.17, SDPA) and Moshi's original code use config.sliding_window (250).
#pragma once
#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "codec/mimi_config.h"

namespace csm {

// ---- building blocks ---------------------------------------------------------------------------

// A causal Conv1d with transformers' padding: left padding_total = k_eff - stride, right padding so
// the last window is complete (zeros, or the edge value in replicate mode).
struct MimiConv {
  torch::Tensor weight;  // [out, in/groups, k]
  torch::Tensor bias;    // [out] or undefined
  int64_t stride = 1, dilation = 1, kernel = 1;
  bool replicate = false;
  int64_t padding_total() const { return (kernel - 1) * dilation + 1 - stride; }
};

// A ConvTranspose1d whose padding_total = k - stride is trimmed on the right (trim_right_ratio 1).
struct MimiConvTranspose {
  torch::Tensor weight;  // [in, out/groups, k]
  torch::Tensor bias;    // [out] or undefined
  int64_t stride = 1, kernel = 1, groups = 1;
};

// SEANet residual block: x + conv2(elu(conv1(elu(x)))), identity shortcut.
struct MimiResBlock {
  MimiConv conv1, conv2;
};

struct MimiTransformerLayer {
  torch::Tensor ln1_w, ln1_b, ln2_w, ln2_b;  // [H]
  torch::Tensor q, k, v, o;                  // [out, in] like nn.Linear
  torch::Tensor q_b, k_b, v_b, o_b;          // biases (attention_bias) or undefined
  torch::Tensor fc1, fc2;                    // [I, H], [H, I]
  torch::Tensor scale1, scale2;              // layer scales [H]
};

struct MimiRvq {
  torch::Tensor input_proj, output_proj;  // [D, H, 1], [H, D, 1] (float32)
  std::vector<torch::Tensor> codebooks;   // each [N, D] float32: embed_sum / clamp(cluster_usage, 1e-5)
};

// ---- per-run state of the streaming decoder ------------------------------------------------------

struct MimiDecoderState {
  int64_t batch = 0;
  int64_t position = 0;                  // 25 Hz steps decoded so far (RoPE position of the next one)
  std::vector<torch::Tensor> conv_tails;   // per decoder conv, its last padding_total inputs [B, C, P]
  std::vector<torch::Tensor> convtr_tails; // per transposed conv, the overlap not yet emitted [B, C, k-s]
  std::vector<torch::Tensor> keys, values; // per decoder-transformer layer [B, Hkv, T, D]
};

// ---- the model -----------------------------------------------------------------------------------

class MimiModel {
 public:
  MimiModel(const MimiConfig& cfg, torch::Device device, torch::Dtype dtype);

  const MimiConfig& config() const { return cfg_; }
  torch::Device device() const { return device_; }
  torch::Dtype dtype() const { return dtype_; }
  int64_t attention_window() const { return window_; }
  void set_attention_window(int64_t window) { window_ = window; }  // 0 = unlimited

  // Every tensor a checkpoint must provide, by transformers name (allocated, uninitialised).
  // `initialized` codebook flags are optional and not listed.
  const std::map<std::string, torch::Tensor>& named_weights() const { return weights_; }

  // Strict load: every name known, every shape right, nothing missing; -> csm::InputError naming
  // the tensor, `file` and both shapes. `weights` hold transformers names.
  void load_weights(const std::map<std::string, torch::Tensor>& weights, const std::string& file);
  // Random weights shaped like transformers' init (for benchmarks and tests); codebooks random.
  void init_random(uint64_t seed);

  // audio [B, 1, T] (any float dtype, any device) with per-item valid lengths (empty = all T);
  // -> codes [B, K, F] int64, F = encoded_length(T). Each item's first encoded_length(len) frames
  // equal encoding that item alone (the padding never leaks into them).
  torch::Tensor encode(const torch::Tensor& audio, const std::vector<int64_t>& lengths, int64_t num_codebooks) const;
  // SEANet encoder + transformer + down-sampling: audio [B, 1, T] -> latents [B, H, F] (model dtype).
  torch::Tensor encode_latents(const torch::Tensor& audio, const std::vector<int64_t>& lengths) const;
  // Split RVQ: latents [B, H, F] -> codes [B, K, F] int64 (float32 nearest-code search).
  torch::Tensor quantize(const torch::Tensor& latents, int64_t num_codebooks) const;
  // codes [B, K, F] -> quantized latents [B, H, F] float32 (sum of the codebooks' projections).
  torch::Tensor dequantize(const torch::Tensor& codes) const;

  // codes [B, K, F] (1 <= K <= num_quantizers) -> audio [B, 1, F * frame_size] float32.
  torch::Tensor decode(const torch::Tensor& codes) const;

  // Streaming decode: frames fed chunk by chunk give the same audio as decode() of all of them.
  MimiDecoderState new_decoder_state(int64_t batch) const;
  // codes [B, K, n] -> audio [B, 1, n * frame_size] float32, continuing `state`.
  torch::Tensor decode_step(MimiDecoderState& state, const torch::Tensor& codes) const;

 private:
  torch::Tensor& add(const std::string& name, std::vector<int64_t> shape, bool float32 = false);
  MimiConv make_conv(const std::string& prefix, int64_t in, int64_t out, int64_t k, int64_t stride,
                     int64_t dilation, bool bias, bool replicate, int64_t groups = 1);
  MimiConvTranspose make_convtr(const std::string& prefix, int64_t in, int64_t out, int64_t k, int64_t stride,
                                bool bias, int64_t groups);
  MimiResBlock make_resblock(const std::string& prefix, int64_t dim, int64_t dilation);
  std::vector<MimiTransformerLayer> make_transformer(const std::string& prefix);
  MimiRvq make_rvq(const std::string& prefix, int64_t n);
  void build();                // binds the structs below to weights_
  void compute_codebooks();    // embed = embed_sum / cluster_usage.clamp(min=1e-5)

  torch::Tensor run_transformer(const std::vector<MimiTransformerLayer>& layers, torch::Tensor x, int64_t start,
                                std::vector<torch::Tensor>* keys, std::vector<torch::Tensor>* values) const;
  torch::Tensor decode_latents(const torch::Tensor& quantized, MimiDecoderState* state) const;

  MimiConfig cfg_;
  torch::Device device_;
  torch::Dtype dtype_;
  int64_t window_ = 0;
  std::map<std::string, torch::Tensor> weights_;
  std::map<std::string, torch::Tensor> raw_codebooks_;  // embed_sum / cluster_usage by name (float32)

  // bound views into weights_
  MimiConv enc_first_, enc_last_;
  std::vector<std::vector<MimiResBlock>> enc_res_;  // per stage
  std::vector<MimiConv> enc_down_;                  // per stage
  std::vector<MimiTransformerLayer> enc_tf_, dec_tf_;
  MimiConv downsample_;
  MimiConvTranspose upsample_;
  bool has_resampling_ = true;
  MimiRvq semantic_, acoustic_;
  MimiConv dec_first_, dec_last_;
  std::vector<MimiConvTranspose> dec_up_;           // per stage
  std::vector<std::vector<MimiResBlock>> dec_res_;  // per stage
  torch::Tensor inv_freq_;                          // [D/2] float32 RoPE frequencies
};

}  // namespace csm
