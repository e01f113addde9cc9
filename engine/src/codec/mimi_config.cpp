// Reads transformers' MimiConfig JSON into csm::MimiConfig and derives the codec's frame sizes
// exactly as configuration_mimi.py does (encodec_frame_rate rounds up, frame_rate from frame_size).
#include "codec/mimi_config.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/errors.h"

namespace csm {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& what) { throw InputError(source + ": " + what); }

template <typename T>
T field_or(const json& obj, const char* key, T fallback, const std::string& source) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    fail(source, std::string("field '") + key + "' has the wrong type (" + it->type_name() + ")");
  }
}

}  // namespace

int64_t MimiConfig::hop_length() const {
  int64_t hop = 1;
  for (int64_t r : upsampling_ratios) hop *= r;
  return hop;
}

int64_t MimiConfig::encodec_frame_rate() const {
  return static_cast<int64_t>(std::ceil(static_cast<double>(sampling_rate) / static_cast<double>(hop_length())));
}

int64_t MimiConfig::frame_size() const { return hop_length() * 2; }

double MimiConfig::frame_rate() const {
  if (frame_rate_override > 0) return frame_rate_override;
  return static_cast<double>(sampling_rate) / static_cast<double>(frame_size());
}

bool MimiConfig::has_resampling() const { return frame_rate() != static_cast<double>(encodec_frame_rate()); }

int64_t MimiConfig::resample_kernel() const {
  return 2 * static_cast<int64_t>(static_cast<double>(encodec_frame_rate()) / frame_rate());
}

int64_t MimiConfig::encoded_length(int64_t samples) const {
  // Every causal conv with stride s gives ceil(L / s) outputs (stride 1 keeps L): the extra right
  // padding completes the last window.
  auto ceil_div = [](int64_t a, int64_t b) { return (a + b - 1) / b; };
  int64_t n = samples;
  for (auto it = upsampling_ratios.rbegin(); it != upsampling_ratios.rend(); ++it) n = ceil_div(n, *it);
  if (has_resampling()) n = ceil_div(n, 2);
  return n;
}

void MimiConfig::validate(const std::string& source) const {
  auto positive = [&](int64_t v, const char* name) {
    if (v <= 0) fail(source, std::string("'") + name + "' must be positive (got " + std::to_string(v) + ")");
  };
  positive(sampling_rate, "sampling_rate");
  positive(hidden_size, "hidden_size");
  positive(num_filters, "num_filters");
  positive(kernel_size, "kernel_size");
  positive(last_kernel_size, "last_kernel_size");
  positive(residual_kernel_size, "residual_kernel_size");
  positive(compress, "compress");
  positive(codebook_size, "codebook_size");
  positive(codebook_dim, "codebook_dim");
  positive(num_quantizers, "num_quantizers");
  positive(num_attention_heads, "num_attention_heads");
  positive(num_key_value_heads, "num_key_value_heads");
  positive(head_dim, "head_dim");
  positive(intermediate_size, "intermediate_size");
  positive(sliding_window, "sliding_window");
  positive(upsample_groups, "upsample_groups");
  if (num_residual_layers < 0 || num_hidden_layers < 0) fail(source, "layer counts must not be negative");
  if (upsampling_ratios.empty()) fail(source, "'upsampling_ratios' is empty");
  for (int64_t r : upsampling_ratios) positive(r, "upsampling_ratios[]");
  if (audio_channels != 1)
    fail(source, "'audio_channels' is " + std::to_string(audio_channels) + "; only mono Mimi models are supported");
  if (pad_mode != "constant" && pad_mode != "replicate")
    fail(source, "'pad_mode' is '" + pad_mode + "'; only constant and replicate padding are supported");
  if (num_semantic_quantizers < 1 || num_semantic_quantizers >= num_quantizers)
    fail(source, "'num_semantic_quantizers' (" + std::to_string(num_semantic_quantizers) +
                     ") must be at least 1 and below 'num_quantizers' (" + std::to_string(num_quantizers) + ")");
  if (vector_quantization_hidden_dimension != codebook_dim)
    fail(source, "'vector_quantization_hidden_dimension' (" + std::to_string(vector_quantization_hidden_dimension) +
                     ") must equal 'codebook_dim' (" + std::to_string(codebook_dim) + ")");
  if (num_attention_heads % num_key_value_heads != 0)
    fail(source, "'num_attention_heads' must be a multiple of 'num_key_value_heads'");
  if (head_dim % 2 != 0) fail(source, "'head_dim' must be even (rotary embeddings)");
  if (hidden_size % upsample_groups != 0) fail(source, "'upsample_groups' must divide 'hidden_size'");
  if (num_filters * (int64_t(1) << upsampling_ratios.size()) % compress != 0)
    fail(source, "'compress' must divide the residual blocks' channel counts");
  if (has_resampling() && resample_kernel() < 2)
    fail(source, "frame_rate " + std::to_string(frame_rate()) + " is not below the encoder rate " +
                     std::to_string(encodec_frame_rate()) + "; cannot down-sample");
}

std::string MimiConfig::to_json() const {
  json j;
  j["model_type"] = "mimi";
  j["architectures"] = {"MimiModel"};
  j["sampling_rate"] = sampling_rate;
  j["audio_channels"] = audio_channels;
  j["hidden_size"] = hidden_size;
  j["num_filters"] = num_filters;
  j["num_residual_layers"] = num_residual_layers;
  j["upsampling_ratios"] = upsampling_ratios;
  j["kernel_size"] = kernel_size;
  j["last_kernel_size"] = last_kernel_size;
  j["residual_kernel_size"] = residual_kernel_size;
  j["dilation_growth_rate"] = dilation_growth_rate;
  j["use_causal_conv"] = true;
  j["pad_mode"] = pad_mode;
  j["compress"] = compress;
  j["trim_right_ratio"] = 1.0;
  j["codebook_size"] = codebook_size;
  j["codebook_dim"] = codebook_dim;
  j["num_quantizers"] = num_quantizers;
  j["use_conv_shortcut"] = false;
  j["vector_quantization_hidden_dimension"] = vector_quantization_hidden_dimension;
  j["num_semantic_quantizers"] = num_semantic_quantizers;
  j["upsample_groups"] = upsample_groups;
  j["num_hidden_layers"] = num_hidden_layers;
  j["intermediate_size"] = intermediate_size;
  j["num_attention_heads"] = num_attention_heads;
  j["num_key_value_heads"] = num_key_value_heads;
  j["head_dim"] = head_dim;
  j["hidden_act"] = "gelu";
  j["max_position_embeddings"] = max_position_embeddings;
  j["norm_eps"] = norm_eps;
  j["rope_parameters"] = {{"rope_type", "default"}, {"rope_theta", rope_theta}};
  j["sliding_window"] = sliding_window;
  j["attention_bias"] = attention_bias;
  if (frame_rate_override > 0) j["frame_rate"] = frame_rate_override;
  return j.dump(2);
}

MimiConfig parse_mimi_config(const std::string& json_text, const std::string& source) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {
    fail(source, std::string("not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object()) fail(source, "expected a JSON object with the Mimi configuration");
  MimiConfig c;
  c.sampling_rate = field_or<int64_t>(j, "sampling_rate", c.sampling_rate, source);
  c.audio_channels = field_or<int64_t>(j, "audio_channels", c.audio_channels, source);
  c.hidden_size = field_or<int64_t>(j, "hidden_size", c.hidden_size, source);
  c.num_filters = field_or<int64_t>(j, "num_filters", c.num_filters, source);
  c.num_residual_layers = field_or<int64_t>(j, "num_residual_layers", c.num_residual_layers, source);
  c.upsampling_ratios = field_or<std::vector<int64_t>>(j, "upsampling_ratios", c.upsampling_ratios, source);
  c.kernel_size = field_or<int64_t>(j, "kernel_size", c.kernel_size, source);
  c.last_kernel_size = field_or<int64_t>(j, "last_kernel_size", c.last_kernel_size, source);
  c.residual_kernel_size = field_or<int64_t>(j, "residual_kernel_size", c.residual_kernel_size, source);
  c.dilation_growth_rate = field_or<int64_t>(j, "dilation_growth_rate", c.dilation_growth_rate, source);
  c.pad_mode = field_or<std::string>(j, "pad_mode", c.pad_mode, source);
  c.compress = field_or<int64_t>(j, "compress", c.compress, source);
  c.codebook_size = field_or<int64_t>(j, "codebook_size", c.codebook_size, source);
  c.codebook_dim = field_or<int64_t>(j, "codebook_dim", c.codebook_dim, source);
  c.num_quantizers = field_or<int64_t>(j, "num_quantizers", c.num_quantizers, source);
  c.vector_quantization_hidden_dimension =
      field_or<int64_t>(j, "vector_quantization_hidden_dimension", c.vector_quantization_hidden_dimension, source);
  c.num_semantic_quantizers = field_or<int64_t>(j, "num_semantic_quantizers", c.num_semantic_quantizers, source);
  c.upsample_groups = field_or<int64_t>(j, "upsample_groups", c.upsample_groups, source);
  c.num_hidden_layers = field_or<int64_t>(j, "num_hidden_layers", c.num_hidden_layers, source);
  c.intermediate_size = field_or<int64_t>(j, "intermediate_size", c.intermediate_size, source);
  c.num_attention_heads = field_or<int64_t>(j, "num_attention_heads", c.num_attention_heads, source);
  c.num_key_value_heads = field_or<int64_t>(j, "num_key_value_heads", c.num_key_value_heads, source);
  c.head_dim = field_or<int64_t>(j, "head_dim", c.num_attention_heads > 0 ? c.hidden_size / c.num_attention_heads : 0,
                                 source);
  c.max_position_embeddings = field_or<int64_t>(j, "max_position_embeddings", c.max_position_embeddings, source);
  c.norm_eps = field_or<double>(j, "norm_eps", c.norm_eps, source);
  c.sliding_window = field_or<int64_t>(j, "sliding_window", c.sliding_window, source);
  c.attention_bias = field_or<bool>(j, "attention_bias", c.attention_bias, source);
  // transformers 5 writes `_frame_rate` (null when derived); older configs `frame_rate`.
  c.frame_rate_override = field_or<double>(j, "_frame_rate", field_or<double>(j, "frame_rate", 0.0, source), source);

  // RoPE: transformers 5 `rope_parameters`, 4.x `rope_theta` (+ `rope_scaling`).
  const json* rope = nullptr;
  if (j.contains("rope_parameters") && j["rope_parameters"].is_object()) rope = &j["rope_parameters"];
  else if (j.contains("rope_scaling") && j["rope_scaling"].is_object()) rope = &j["rope_scaling"];
  c.rope_theta = field_or<double>(j, "rope_theta", c.rope_theta, source);
  if (rope) {
    c.rope_theta = field_or<double>(*rope, "rope_theta", c.rope_theta, source);
    const std::string type = field_or<std::string>(*rope, "rope_type", field_or<std::string>(*rope, "type", "default", source), source);
    if (type != "default") fail(source, "rope type '" + type + "' is not supported by the Mimi codec (expected default)");
  }

  // Features Mimi never uses: refuse rather than compute something else.
  if (!field_or<bool>(j, "use_causal_conv", true, source))
    fail(source, "'use_causal_conv' is false; only causal Mimi models are supported");
  if (field_or<double>(j, "trim_right_ratio", 1.0, source) != 1.0)
    fail(source, "'trim_right_ratio' must be 1.0 (causal transposed convolutions)");
  if (field_or<bool>(j, "use_conv_shortcut", false, source))
    fail(source, "'use_conv_shortcut' is true; only identity shortcuts are supported");
  const std::string act = field_or<std::string>(j, "hidden_act", "gelu", source);
  if (act != "gelu") fail(source, "'hidden_act' is '" + act + "'; only gelu is supported");
  c.validate(source);
  return c;
}

bool read_mimi_config_file(const std::string& path, MimiConfig* out, bool* is_csm_folder) {
  const std::string text = read_file(path);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    fail(path, std::string("not valid JSON (") + e.what() + ")");
  }
  const std::string type = j.is_object() ? field_or<std::string>(j, "model_type", "", path) : "";
  if (type == "mimi") {
    *out = parse_mimi_config(text, path);
    *is_csm_folder = false;
    return true;
  }
  if (type == "csm") {
    if (!j.contains("codec_config") || !j["codec_config"].is_object())
      fail(path, "a CSM config without 'codec_config'; cannot build its Mimi codec");
    *out = parse_mimi_config(j["codec_config"].dump(), path + " (codec_config)");
    *is_csm_folder = true;
    return true;
  }
  return false;
}

}  // namespace csm
