// Mimi codec forward passes: transformers' MimiModel semantics (causal convolution padding, split
// RVQ, layer-scaled transformers) plus batched encode with per-item lengths and streaming decode.
#include "codec/mimi_model.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>

#include "csm/errors.h"
#include "torch_compat.h"
#include "tensor_views.h"

namespace csm {
namespace {

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

// torch::conv1d / conv_transpose1d with plain integers (the literal overloads are ambiguous).
torch::Tensor conv1d(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, int64_t stride,
                     int64_t padding, int64_t dilation) {
  return torch::conv1d(x, w, b, c10::IntArrayRef(stride), c10::IntArrayRef(padding), c10::IntArrayRef(dilation), 1);
}

torch::Tensor conv_transpose1d(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, int64_t stride,
                               int64_t groups) {
  const int64_t zero = 0, one = 1;
  return torch::conv_transpose1d(x, w, b, c10::IntArrayRef(stride), c10::IntArrayRef(zero), c10::IntArrayRef(zero),
                                 groups, c10::IntArrayRef(one));
}

// x [B, C, T] padded with `left`/`right` zeros, or copies of the edge columns (replicate).
torch::Tensor pad1d(const torch::Tensor& x, int64_t left, int64_t right, bool replicate) {
  if (left == 0 && right == 0) return x;
  if (!replicate) return torch::constant_pad_nd(x, {left, right}, 0);
  std::vector<torch::Tensor> parts;
  const int64_t T = x.size(2);
  if (left > 0) parts.push_back(x.narrow(2, 0, 1).expand({x.size(0), x.size(1), left}));
  parts.push_back(x);
  if (right > 0) parts.push_back(x.narrow(2, T - 1, 1).expand({x.size(0), x.size(1), right}));
  return torch::cat(parts, 2);
}

// Positions at or past each item's valid length: zeroed, or (replicate) set to the item's last
// valid column. Makes a padded batch look, to the next strided conv, like each item's own padding.
torch::Tensor mask_tail(const torch::Tensor& x, const torch::Tensor& lengths, bool replicate) {
  const int64_t B = x.size(0), C = x.size(1), T = x.size(2);
  auto t = torch::arange(T, lengths.options()).unsqueeze(0);  // [1, T]
  if (!replicate) {
    auto invalid = (t >= lengths.unsqueeze(1)).unsqueeze(1);  // [B, 1, T]
    return x.masked_fill(invalid, 0);
  }
  auto idx = torch::minimum(t, lengths.unsqueeze(1) - 1);  // [B, T]
  return x.gather(2, idx.unsqueeze(1).expand({B, C, T}));
}

// Causal conv over a whole sequence with transformers' padding: padding_total on the left, and on
// the right whatever completes the last window: ceil(L / s) * s - L.
torch::Tensor conv_forward(const MimiConv& c, const torch::Tensor& x) {
  const int64_t L = x.size(2), s = c.stride, pt = c.padding_total();
  if (!c.replicate && s == 1) {
    // Zero padding done by the convolution itself (no padded copy): pad pt on both sides and drop
    // the pt surplus outputs on the right.
    auto y = conv1d(x, c.weight, c.bias, 1, pt, c.dilation);  // [B, O, L + pt]
    return pt > 0 ? y.narrow(2, 0, L) : y;
  }
  const int64_t extra = ceil_div(L, s) * s - L;
  return conv1d(pad1d(x, pt, extra, c.replicate), c.weight, c.bias, s, 0, c.dilation);
}

// Streaming causal conv (stride 1): `tail` holds the previous padding_total inputs.
torch::Tensor conv_stream(const MimiConv& c, const torch::Tensor& x, torch::Tensor& tail) {
  const int64_t pt = c.padding_total();
  if (pt == 0) return conv1d(x, c.weight, c.bias, 1, 0, c.dilation);
  if (!tail.defined())
    tail = c.replicate ? x.narrow(2, 0, 1).expand({x.size(0), x.size(1), pt}).contiguous()
                       : torch::zeros({x.size(0), x.size(1), pt}, x.options());
  auto xp = torch::cat({tail, x}, 2);  // [B, C, pt + n]
  tail = xp.narrow(2, xp.size(2) - pt, pt).contiguous();
  return conv1d(xp, c.weight, c.bias, 1, 0, c.dilation);
}

// Transposed conv over a whole sequence: the padding_total = k - s outputs are trimmed on the right.
torch::Tensor convtr_forward(const MimiConvTranspose& c, const torch::Tensor& x) {
  auto y = conv_transpose1d(x, c.weight, c.bias, c.stride, c.groups);  // [B, O, n*s + pt]
  return y.narrow(2, 0, x.size(2) * c.stride);
}

// Streaming transposed conv: the last pt outputs overlap the next chunk's first ones, so they are
// kept (without bias) in `tail` and added there.
torch::Tensor convtr_stream(const MimiConvTranspose& c, const torch::Tensor& x, torch::Tensor& tail) {
  const int64_t n = x.size(2) * c.stride, pt = c.kernel - c.stride;
  auto y = conv_transpose1d(x, c.weight, torch::Tensor(), c.stride, c.groups);  // [B, O, n + pt]
  if (pt > 0) {
    if (tail.defined()) y.narrow(2, 0, pt).add_(tail);
    tail = y.narrow(2, n, pt).clone();
  }
  auto out = y.narrow(2, 0, n);
  return c.bias.defined() ? out + c.bias.view({1, -1, 1}) : out.contiguous();
}

torch::Tensor resblock_forward(const MimiResBlock& r, const torch::Tensor& x) {
  auto h = conv_forward(r.conv1, torch::elu(x));
  h = conv_forward(r.conv2, torch::elu(h));
  return x + h;
}

torch::Tensor rotate_half(const torch::Tensor& x) {
  const int64_t half = x.size(-1) / 2;
  return torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

// Attention written out (transformers' eager form: scores in the model dtype, softmax in float32),
// for the streaming decoder: its key count changes every step, and fused SDPA backends that plan
// per shape (cuDNN attention for bf16 on CUDA) would re-plan at every step. q [B, H, T, D],
// k/v [B, Hkv, S, D], mask bool [1, 1, T, S] or undefined.
torch::Tensor eager_attention(const torch::Tensor& q, torch::Tensor k, torch::Tensor v, const torch::Tensor& mask,
                              double scale) {
  const int64_t groups = q.size(1) / k.size(1);
  if (groups > 1) {
    k = k.repeat_interleave(groups, 1);
    v = v.repeat_interleave(groups, 1);
  }
  auto scores = torch::matmul(q, k.transpose(-2, -1)) * scale;  // [B, H, T, S]
  if (mask.defined()) scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
  return torch::matmul(torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type()), v);
}

torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
  return torch::nn::functional::linear(x, w, b);
}

}  // namespace

// ---- construction: one name per tensor, as transformers names them ----------------------------

MimiModel::MimiModel(const MimiConfig& cfg, torch::Device device, torch::Dtype dtype)
    : cfg_(cfg), device_(device), dtype_(dtype) {
  cfg_.validate("Mimi configuration");
  build();
}

torch::Tensor& MimiModel::add(const std::string& name, std::vector<int64_t> shape, bool float32) {
  auto opts = torch::TensorOptions().device(device_).dtype(float32 ? torch::kFloat32 : dtype_);
  auto& t = weights_[name];
  t = torch::empty(shape, opts);
  return t;
}

MimiConv MimiModel::make_conv(const std::string& prefix, int64_t in, int64_t out, int64_t k, int64_t stride,
                              int64_t dilation, bool bias, bool replicate, int64_t groups) {
  MimiConv c;
  c.weight = add(prefix + "conv.weight", {out, in / groups, k});
  if (bias) c.bias = add(prefix + "conv.bias", {out});
  c.stride = stride;
  c.dilation = dilation;
  c.kernel = k;
  c.replicate = replicate;
  return c;
}

MimiConvTranspose MimiModel::make_convtr(const std::string& prefix, int64_t in, int64_t out, int64_t k,
                                         int64_t stride, bool bias, int64_t groups) {
  MimiConvTranspose c;
  c.weight = add(prefix + "conv.weight", {in, out / groups, k});
  if (bias) c.bias = add(prefix + "conv.bias", {out});
  c.stride = stride;
  c.kernel = k;
  c.groups = groups;
  return c;
}

MimiResBlock MimiModel::make_resblock(const std::string& prefix, int64_t dim, int64_t dilation) {
  const bool rep = cfg_.pad_mode == "replicate";
  const int64_t hidden = dim / cfg_.compress;
  MimiResBlock r;
  r.conv1 = make_conv(prefix + "block.1.", dim, hidden, cfg_.residual_kernel_size, 1, dilation, true, rep);
  r.conv2 = make_conv(prefix + "block.3.", hidden, dim, 1, 1, 1, true, rep);
  return r;
}

std::vector<MimiTransformerLayer> MimiModel::make_transformer(const std::string& prefix) {
  const int64_t H = cfg_.hidden_size, D = cfg_.head_dim, I = cfg_.intermediate_size;
  const int64_t Hq = cfg_.num_attention_heads, Hkv = cfg_.num_key_value_heads;
  std::vector<MimiTransformerLayer> layers;
  for (int64_t i = 0; i < cfg_.num_hidden_layers; ++i) {
    const std::string p = prefix + "layers." + std::to_string(i) + ".";
    MimiTransformerLayer l;
    l.ln1_w = add(p + "input_layernorm.weight", {H});
    l.ln1_b = add(p + "input_layernorm.bias", {H});
    l.ln2_w = add(p + "post_attention_layernorm.weight", {H});
    l.ln2_b = add(p + "post_attention_layernorm.bias", {H});
    l.q = add(p + "self_attn.q_proj.weight", {Hq * D, H});
    l.k = add(p + "self_attn.k_proj.weight", {Hkv * D, H});
    l.v = add(p + "self_attn.v_proj.weight", {Hkv * D, H});
    l.o = add(p + "self_attn.o_proj.weight", {H, Hq * D});
    if (cfg_.attention_bias) {
      l.q_b = add(p + "self_attn.q_proj.bias", {Hq * D});
      l.k_b = add(p + "self_attn.k_proj.bias", {Hkv * D});
      l.v_b = add(p + "self_attn.v_proj.bias", {Hkv * D});
      l.o_b = add(p + "self_attn.o_proj.bias", {H});
    }
    l.fc1 = add(p + "mlp.fc1.weight", {I, H});
    l.fc2 = add(p + "mlp.fc2.weight", {H, I});
    l.scale1 = add(p + "self_attn_layer_scale.scale", {H});
    l.scale2 = add(p + "mlp_layer_scale.scale", {H});
    layers.push_back(l);
  }
  return layers;
}

MimiRvq MimiModel::make_rvq(const std::string& prefix, int64_t n) {
  const int64_t H = cfg_.hidden_size, D = cfg_.vector_quantization_hidden_dimension;
  MimiRvq q;
  // transformers has projections only when the dimensions differ; Mimi's always do (512 vs 256).
  if (D != H) {
    q.input_proj = add(prefix + "input_proj.weight", {D, H, 1}, true);
    q.output_proj = add(prefix + "output_proj.weight", {H, D, 1}, true);
  }
  for (int64_t i = 0; i < n; ++i) {
    const std::string p = prefix + "layers." + std::to_string(i) + ".codebook.";
    add(p + "embed_sum", {cfg_.codebook_size, cfg_.codebook_dim}, true);
    add(p + "cluster_usage", {cfg_.codebook_size}, true);
  }
  q.codebooks.resize(n);
  return q;
}

void MimiModel::build() {
  const bool rep = cfg_.pad_mode == "replicate";
  const int64_t nf = cfg_.num_filters, H = cfg_.hidden_size;
  // SEANet encoder: conv, then per ratio (reversed) residual blocks + ELU + strided conv, ELU, conv.
  enc_first_ = make_conv("encoder.layers.0.", cfg_.audio_channels, nf, cfg_.kernel_size, 1, 1, true, rep);
  int64_t idx = 1, scale = 1;
  for (auto it = cfg_.upsampling_ratios.rbegin(); it != cfg_.upsampling_ratios.rend(); ++it) {
    const int64_t ratio = *it, ch = scale * nf;
    std::vector<MimiResBlock> blocks;
    int64_t dilation = 1;
    for (int64_t j = 0; j < cfg_.num_residual_layers; ++j, dilation *= cfg_.dilation_growth_rate)
      blocks.push_back(make_resblock("encoder.layers." + std::to_string(idx++) + ".", ch, dilation));
    enc_res_.push_back(blocks);
    ++idx;  // ELU
    enc_down_.push_back(make_conv("encoder.layers." + std::to_string(idx++) + ".", ch, ch * 2, ratio * 2, ratio, 1, true, rep));
    scale *= 2;
  }
  ++idx;  // ELU
  enc_last_ = make_conv("encoder.layers." + std::to_string(idx) + ".", scale * nf, H, cfg_.last_kernel_size, 1, 1, true, rep);
  enc_tf_ = make_transformer("encoder_transformer.");

  has_resampling_ = cfg_.has_resampling();
  if (has_resampling_) {
    const int64_t k = cfg_.resample_kernel();
    downsample_ = make_conv("downsample.", H, H, k, 2, 1, false, /*replicate=*/true);
    upsample_ = make_convtr("upsample.", H, H, k, 2, false, cfg_.upsample_groups);
  }
  semantic_ = make_rvq("quantizer.semantic_residual_vector_quantizer.", cfg_.num_semantic_quantizers);
  acoustic_ = make_rvq("quantizer.acoustic_residual_vector_quantizer.",
                       cfg_.num_quantizers - cfg_.num_semantic_quantizers);

  dec_tf_ = make_transformer("decoder_transformer.");
  // SEANet decoder: conv, then per ratio ELU + transposed conv + residual blocks, ELU, conv.
  scale = int64_t(1) << cfg_.upsampling_ratios.size();
  dec_first_ = make_conv("decoder.layers.0.", H, scale * nf, cfg_.kernel_size, 1, 1, true, rep);
  idx = 1;
  for (int64_t ratio : cfg_.upsampling_ratios) {
    const int64_t ch = scale * nf;
    ++idx;  // ELU
    dec_up_.push_back(make_convtr("decoder.layers." + std::to_string(idx++) + ".", ch, ch / 2, ratio * 2, ratio, true, 1));
    std::vector<MimiResBlock> blocks;
    int64_t dilation = 1;
    for (int64_t j = 0; j < cfg_.num_residual_layers; ++j, dilation *= cfg_.dilation_growth_rate)
      blocks.push_back(make_resblock("decoder.layers." + std::to_string(idx++) + ".", ch / 2, dilation));
    dec_res_.push_back(blocks);
    scale /= 2;
  }
  ++idx;  // ELU
  dec_last_ = make_conv("decoder.layers." + std::to_string(idx) + ".", nf, cfg_.audio_channels, cfg_.last_kernel_size,
                        1, 1, true, rep);

  // RoPE inverse frequencies exactly as transformers computes them (float32 throughout).
  const int64_t D = cfg_.head_dim;
  auto exponent = torch::arange(0, D, 2, torch::kInt64).to(torch::kFloat32) / static_cast<double>(D);
  inv_freq_ = (1.0 / torch::pow(cfg_.rope_theta, exponent)).to(device_);
}

void MimiModel::compute_codebooks() {
  torch::NoGradGuard no_grad;
  auto fill = [&](MimiRvq& q, const std::string& prefix) {
    for (size_t i = 0; i < q.codebooks.size(); ++i) {
      const std::string p = prefix + "layers." + std::to_string(i) + ".codebook.";
      q.codebooks[i] = weights_.at(p + "embed_sum") / weights_.at(p + "cluster_usage").clamp_min(1e-5).unsqueeze(1);
    }
  };
  fill(semantic_, "quantizer.semantic_residual_vector_quantizer.");
  fill(acoustic_, "quantizer.acoustic_residual_vector_quantizer.");
}

void MimiModel::load_weights(const std::map<std::string, torch::Tensor>& src, const std::string& file) {
  torch::NoGradGuard no_grad;
  std::set<std::string> assigned;
  for (const auto& [name, t] : src) {
    static const std::string kFlag = ".codebook.initialized";
    if (name.size() > kFlag.size() && name.compare(name.size() - kFlag.size(), kFlag.size(), kFlag) == 0) {
      const std::string base = name.substr(0, name.size() - 11);  // keep "...codebook."
      if (!weights_.count(base + "embed_sum"))
        throw InputError(file + ": unknown tensor '" + name + "' (more codebooks than the Mimi configuration has?)");
      continue;  // a training-time flag; nothing to load
    }
    auto it = weights_.find(name);
    if (it == weights_.end())
      throw InputError(file + ": unknown tensor '" + name + "' (not part of a Mimi codec with this configuration)");
    if (!t.is_floating_point())
      throw InputError(file + ": tensor '" + name + "' has dtype " + std::string(c10::toString(t.scalar_type())) +
                       "; expected a floating-point type");
    if (t.sizes() != it->second.sizes())
      throw InputError(file + ": tensor '" + name + "' has shape " + shape_string(t.sizes()) +
                       " but the Mimi configuration needs " + shape_string(it->second.sizes()) +
                       " (does the config belong to these weights?)");
    if (!assigned.insert(name).second) throw InputError(file + ": tensor '" + name + "' appears twice");
    it->second.copy_(t);
  }
  std::vector<std::string> missing;
  for (const auto& [name, w] : weights_)
    if (!assigned.count(name)) missing.push_back(name);
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size() && i < 5; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > 5) list += ", ...";
    throw InputError(file + ": " + std::to_string(missing.size()) + " Mimi tensor(s) missing: " + list +
                     " (incomplete checkpoint, or a config with more layers/codebooks than the weights?)");
  }
  compute_codebooks();
}

void MimiModel::init_random(uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::detail::createCPUGenerator(seed);
  auto f32 = torch::TensorOptions(torch::kFloat32);
  for (auto& [name, w] : weights_) {
    torch::Tensor v;
    auto ends_with = [&](const char* s) {
      const std::string suffix(s);
      return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends_with("layernorm.weight")) v = torch::ones(w.sizes(), f32);
    else if (ends_with("layernorm.bias")) v = torch::zeros(w.sizes(), f32);
    else if (ends_with("layer_scale.scale")) v = torch::full(w.sizes(), 0.01, f32);
    else if (ends_with("cluster_usage")) v = at::empty(w.sizes(), f32).uniform_(0.5, 2.0, gen);
    else if (ends_with("embed_sum")) v = at::normal(0.0, 1.0, w.sizes(), gen, f32);
    else if (ends_with("_proj.weight") && w.dim() == 2) v = at::normal(0.0, 0.02, w.sizes(), gen, f32);
    else if (ends_with("fc1.weight") || ends_with("fc2.weight")) v = at::normal(0.0, 0.02, w.sizes(), gen, f32);
    else if (ends_with("conv.bias")) v = at::empty(w.sizes(), f32).uniform_(-0.05, 0.05, gen);
    else {  // conv / projection weights: Kaiming normal on fan-in
      const double fan_in = static_cast<double>(w.numel() / w.size(0));
      v = at::normal(0.0, std::sqrt(2.0 / fan_in), w.sizes(), gen, f32);
    }
    w.copy_(v);
  }
  compute_codebooks();
}

// ---- transformer ---------------------------------------------------------------------------------

torch::Tensor MimiModel::run_transformer(const std::vector<MimiTransformerLayer>& layers, torch::Tensor x,
                                         int64_t start, std::vector<torch::Tensor>* keys,
                                         std::vector<torch::Tensor>* values) const {
  // x [B, T, H] at positions start..start+T-1; caches (streaming) hold the keys before `start`.
  const int64_t B = x.size(0), T = x.size(1), H = cfg_.hidden_size, D = cfg_.head_dim;
  const int64_t Hq = cfg_.num_attention_heads, Hkv = cfg_.num_key_value_heads;
  const double scale = 1.0 / std::sqrt(static_cast<double>(D));
  auto pos = torch::arange(start, start + T, torch::TensorOptions().dtype(torch::kFloat32).device(device_));
  auto freqs = pos.unsqueeze(1) * inv_freq_.unsqueeze(0);  // [T, D/2]
  auto emb = torch::cat({freqs, freqs}, -1);                // [T, D]
  auto cos = emb.cos().to(x.scalar_type()), sin = emb.sin().to(x.scalar_type());

  for (size_t i = 0; i < layers.size(); ++i) {
    const auto& l = layers[i];
    auto h = torch::layer_norm(x, {H}, l.ln1_w, l.ln1_b, cfg_.norm_eps);
    auto q = linear(h, l.q, l.q_b).view({B, T, Hq, D}).transpose(1, 2);  // [B, Hq, T, D]
    auto k = linear(h, l.k, l.k_b).view({B, T, Hkv, D}).transpose(1, 2);  // [B, Hkv, T, D]
    auto v = linear(h, l.v, l.v_b).view({B, T, Hkv, D}).transpose(1, 2);
    q = q * cos + rotate_half(q) * sin;
    k = k * cos + rotate_half(k) * sin;

    torch::Tensor mask;
    bool causal = false;
    int64_t past = 0;
    if (keys) {
      auto& kc = (*keys)[i];
      auto& vc = (*values)[i];
      if (kc.defined()) {
        past = kc.size(2);
        k = torch::cat({kc, k}, 2);
        v = torch::cat({vc, v}, 2);
      }
      // Keep what later queries can still see: window - 1 keys (all of them when unlimited).
      const int64_t total = k.size(2);
      const int64_t keep = window_ > 0 ? std::min<int64_t>(total, window_ - 1) : total;
      kc = k.narrow(2, total - keep, keep);
      vc = v.narrow(2, total - keep, keep);
    }
    const int64_t S = past + T;  // keys this chunk attends over
    const bool window_bites = window_ > 0 && S > window_;
    if (!keys && !window_bites) {
      causal = T > 1;  // whole sequence, no window in reach: the fused causal kernel
    } else if (T > 1 || window_bites) {
      auto qp = torch::arange(past, past + T, torch::TensorOptions().dtype(torch::kInt64).device(device_)).unsqueeze(1);
      auto kp = torch::arange(0, S, torch::TensorOptions().dtype(torch::kInt64).device(device_)).unsqueeze(0);
      mask = kp <= qp;
      if (window_ > 0) mask = mask & (qp - kp < window_);
      mask = mask.view({1, 1, T, S});
    }
    auto a = keys ? eager_attention(q, k, v, mask, scale)              // streaming: small, shape changes
                  : compat::attention(q, k, v, mask, causal, scale);  // [B, Hq, T, D]
    auto o = linear(a.transpose(1, 2).reshape({B, T, Hq * D}), l.o, l.o_b);
    x = x + l.scale1 * o;
    h = torch::layer_norm(x, {H}, l.ln2_w, l.ln2_b, cfg_.norm_eps);
    h = linear(torch::gelu(linear(h, l.fc1, torch::Tensor())), l.fc2, torch::Tensor());
    x = x + l.scale2 * h;
  }
  return x;
}

// ---- encode --------------------------------------------------------------------------------------

torch::Tensor MimiModel::encode_latents(const torch::Tensor& audio, const std::vector<int64_t>& lengths) const {
  c10::InferenceMode guard;
  auto x = audio.to(device_, dtype_);  // [B, 1, T]
  const int64_t B = x.size(0), T = x.size(2);
  std::vector<int64_t> lens = lengths.empty() ? std::vector<int64_t>(B, T) : lengths;
  if (static_cast<int64_t>(lens.size()) != B) throw std::invalid_argument("encode: one length per batch item expected");
  bool ragged = false;
  for (int64_t l : lens) {
    if (l < 1 || l > T) throw std::invalid_argument("encode: item length outside 1..T");
    ragged = ragged || l != T;
  }
  torch::Tensor len_t;
  if (ragged) {
    len_t = torch::tensor(lens, torch::TensorOptions().dtype(torch::kInt64)).to(device_);
    x = mask_tail(x, len_t, false);
  }
  x = conv_forward(enc_first_, x);
  for (size_t s = 0; s < enc_down_.size(); ++s) {
    for (const auto& r : enc_res_[s]) x = resblock_forward(r, x);
    x = torch::elu(x);
    if (ragged) {
      x = mask_tail(x, len_t, enc_down_[s].replicate);
      len_t = (len_t + enc_down_[s].stride - 1).div(enc_down_[s].stride, "floor");
    }
    x = conv_forward(enc_down_[s], x);
  }
  x = conv_forward(enc_last_, torch::elu(x));  // [B, H, T25]
  x = run_transformer(enc_tf_, x.transpose(1, 2), 0, nullptr, nullptr).transpose(1, 2);
  if (has_resampling_) {
    if (ragged) x = mask_tail(x, len_t, true);
    x = conv_forward(downsample_, x);  // [B, H, F]
  }
  return x;
}

torch::Tensor MimiModel::quantize(const torch::Tensor& latents, int64_t num_codebooks) const {
  c10::InferenceMode guard;
  const int64_t ns = cfg_.num_semantic_quantizers;
  if (num_codebooks < ns || num_codebooks > cfg_.num_quantizers)
    throw std::invalid_argument("quantize: number of codebooks outside " + std::to_string(ns) + ".." +
                                std::to_string(cfg_.num_quantizers));
  auto x = latents.to(torch::kFloat32);  // [B, H, F]
  const int64_t B = x.size(0), F = x.size(2);
  std::vector<torch::Tensor> codes;  // each [B, F]
  auto run = [&](const MimiRvq& q, int64_t n) {
    auto residual = q.input_proj.defined() ? conv1d(x, q.input_proj, torch::Tensor(), 1, 0, 1) : x;  // [B, D, F]
    for (int64_t i = 0; i < n; ++i) {
      const auto& cb = q.codebooks[i];  // [N, D]
      auto flat = residual.permute({0, 2, 1}).reshape({-1, residual.size(1)});  // [B*F, D]
      auto idx = torch::cdist(flat.unsqueeze(0), cb.unsqueeze(0), 2.0).squeeze(0).argmin(-1);  // [B*F]
      auto quantized = torch::nn::functional::embedding(idx, cb).view({B, F, -1}).permute({0, 2, 1});
      residual = residual - quantized;
      codes.push_back(idx.view({B, F}));
    }
  };
  run(semantic_, ns);
  // The acoustic RVQ quantizes the same latents (not the semantic residual).
  if (num_codebooks > ns) run(acoustic_, num_codebooks - ns);
  return torch::stack(codes, 1);  // [B, K, F]
}

torch::Tensor MimiModel::encode(const torch::Tensor& audio, const std::vector<int64_t>& lengths,
                                int64_t num_codebooks) const {
  return quantize(encode_latents(audio, lengths), num_codebooks);
}

// ---- decode --------------------------------------------------------------------------------------

torch::Tensor MimiModel::dequantize(const torch::Tensor& codes) const {
  c10::InferenceMode guard;
  const int64_t K = codes.size(1), ns = cfg_.num_semantic_quantizers;
  if (K < 1 || K > cfg_.num_quantizers)
    throw std::invalid_argument("dequantize: number of codebooks outside 1.." + std::to_string(cfg_.num_quantizers));
  auto c = codes.to(device_, torch::kInt64);
  auto run = [&](const MimiRvq& q, int64_t first, int64_t n) {
    torch::Tensor sum;
    for (int64_t i = 0; i < n; ++i) {
      auto e = torch::nn::functional::embedding(c.select(1, first + i), q.codebooks[i]).permute({0, 2, 1});  // [B, D, F]
      sum = sum.defined() ? sum + e : e;
    }
    return q.output_proj.defined() ? conv1d(sum, q.output_proj, torch::Tensor(), 1, 0, 1) : sum;  // [B, H, F]
  };
  auto out = run(semantic_, 0, std::min(K, ns));
  if (K > ns) out = out + run(acoustic_, ns, K - ns);
  return out;
}

torch::Tensor MimiModel::decode_latents(const torch::Tensor& quantized, MimiDecoderState* st) const {
  // quantized [B, H, F] float32 -> audio [B, 1, F * frame_size] float32
  size_t ci = 0, ti = 0;
  auto conv = [&](const MimiConv& c, const torch::Tensor& x) {
    return st ? conv_stream(c, x, st->conv_tails[ci++]) : conv_forward(c, x);
  };
  auto convtr = [&](const MimiConvTranspose& c, const torch::Tensor& x) {
    return st ? convtr_stream(c, x, st->convtr_tails[ti++]) : convtr_forward(c, x);
  };
  auto x = quantized.to(dtype_);
  if (has_resampling_) x = convtr(upsample_, x);  // [B, H, 2F]
  const int64_t start = st ? st->position : 0;
  if (st) st->position += x.size(2);
  x = run_transformer(dec_tf_, x.transpose(1, 2), start, st ? &st->keys : nullptr, st ? &st->values : nullptr)
          .transpose(1, 2);
  x = conv(dec_first_, x);
  for (size_t s = 0; s < dec_up_.size(); ++s) {
    x = convtr(dec_up_[s], torch::elu(x));
    for (const auto& r : dec_res_[s]) {
      auto h = conv(r.conv1, torch::elu(x));
      h = conv(r.conv2, torch::elu(h));
      x = x + h;
    }
  }
  x = conv(dec_last_, torch::elu(x));
  return x.to(torch::kFloat32);
}

torch::Tensor MimiModel::decode(const torch::Tensor& codes) const {
  c10::InferenceMode guard;
  return decode_latents(dequantize(codes), nullptr);
}

MimiDecoderState MimiModel::new_decoder_state(int64_t batch) const {
  MimiDecoderState st;
  st.batch = batch;
  size_t convs = 2, convtrs = dec_up_.size() + (has_resampling_ ? 1 : 0);
  for (const auto& stage : dec_res_) convs += 2 * stage.size();
  st.conv_tails.resize(convs);
  st.convtr_tails.resize(convtrs);
  st.keys.resize(dec_tf_.size());
  st.values.resize(dec_tf_.size());
  return st;
}

torch::Tensor MimiModel::decode_step(MimiDecoderState& state, const torch::Tensor& codes) const {
  c10::InferenceMode guard;
  if (codes.size(0) != state.batch) throw std::invalid_argument("decode_step: batch size differs from the state's");
  if (codes.size(2) == 0) return torch::zeros({state.batch, 1, 0}, torch::TensorOptions().device(device_));
  return decode_latents(dequantize(codes), &state);
}

}  // namespace csm
