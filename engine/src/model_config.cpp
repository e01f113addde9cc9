// Reads CsmForConditionalGeneration config.json files into csm::CsmConfig and defines presets.
// Field names follow transformers' CsmConfig / CsmDepthDecoderConfig / MimiConfig.
#include "csm/model_config.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/errors.h"

namespace csm {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& what) {
  throw InputError(source + ": " + what);
}

template <typename T>
T field(const json& obj, const char* key, const std::string& where, const std::string& source) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) fail(source, "missing field '" + where + key + "'");
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    fail(source, "field '" + where + key + "' has the wrong type (" + it->type_name() + ")");
  }
}

template <typename T>
T field_or(const json& obj, const char* key, T fallback, const std::string& where, const std::string& source) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return fallback;
  return field<T>(obj, key, where, source);
}

RopeConfig read_rope(const json& obj, const std::string& where, const std::string& source) {
  RopeConfig rope;
  // transformers 5: rope_parameters holds theta and scaling; 4.x: rope_theta + rope_scaling.
  json params = obj.contains("rope_parameters") && obj["rope_parameters"].is_object() ? obj["rope_parameters"]
                : obj.contains("rope_scaling") && obj["rope_scaling"].is_object()   ? obj["rope_scaling"]
                                                                                     : json::object();
  std::string inner = where + (obj.contains("rope_parameters") ? "rope_parameters." : "rope_scaling.");
  rope.theta = field_or<double>(params, "rope_theta", field_or<double>(obj, "rope_theta", 10000.0, where, source),
                                inner, source);
  rope.type = field_or<std::string>(params, "rope_type", field_or<std::string>(params, "type", "default", inner, source),
                                    inner, source);
  if (rope.type == "llama3") {
    rope.factor = field<double>(params, "factor", inner, source);
    rope.low_freq_factor = field<double>(params, "low_freq_factor", inner, source);
    rope.high_freq_factor = field<double>(params, "high_freq_factor", inner, source);
    rope.original_max_position_embeddings = field<int64_t>(params, "original_max_position_embeddings", inner, source);
  } else if (rope.type != "default") {
    fail(source, "rope type '" + rope.type + "' in '" + inner + "rope_type' is not supported (expected llama3 or default)");
  }
  return rope;
}

TransformerConfig read_stack(const json& obj, const std::string& where, const std::string& source) {
  TransformerConfig t;
  t.hidden_size = field<int64_t>(obj, "hidden_size", where, source);
  t.intermediate_size = field<int64_t>(obj, "intermediate_size", where, source);
  t.num_layers = field<int64_t>(obj, "num_hidden_layers", where, source);
  t.num_heads = field<int64_t>(obj, "num_attention_heads", where, source);
  t.num_kv_heads = field_or<int64_t>(obj, "num_key_value_heads", t.num_heads, where, source);
  t.head_dim = field_or<int64_t>(obj, "head_dim", t.num_heads > 0 ? t.hidden_size / t.num_heads : 0, where, source);
  t.max_position_embeddings = field<int64_t>(obj, "max_position_embeddings", where, source);
  t.rms_norm_eps = field_or<double>(obj, "rms_norm_eps", 1e-5, where, source);
  std::string act = field_or<std::string>(obj, "hidden_act", "silu", where, source);
  if (act != "silu") fail(source, "'" + where + "hidden_act' is '" + act + "'; only silu (SwiGLU) is supported");
  if (field_or<bool>(obj, "attention_bias", false, where, source) || field_or<bool>(obj, "mlp_bias", false, where, source))
    fail(source, "'" + where + "attention_bias'/'mlp_bias' are set; CSM has no biases");
  t.rope = read_rope(obj, where, source);
  return t;
}

void check_stack(const TransformerConfig& t, const std::string& name, const std::string& source) {
  auto positive = [&](int64_t v, const char* what) {
    if (v <= 0) fail(source, name + " " + what + " must be positive (got " + std::to_string(v) + ")");
  };
  positive(t.hidden_size, "hidden_size");
  positive(t.intermediate_size, "intermediate_size");
  positive(t.num_layers, "num_hidden_layers");
  positive(t.num_heads, "num_attention_heads");
  positive(t.num_kv_heads, "num_key_value_heads");
  positive(t.head_dim, "head_dim");
  positive(t.max_position_embeddings, "max_position_embeddings");
  if (t.num_heads % t.num_kv_heads != 0)
    fail(source, name + " num_attention_heads (" + std::to_string(t.num_heads) +
                     ") is not a multiple of num_key_value_heads (" + std::to_string(t.num_kv_heads) + ")");
  if (t.head_dim % 2 != 0) fail(source, name + " head_dim must be even for rotary embeddings");
}

json rope_json(const RopeConfig& r) {
  json j = {{"rope_type", r.type}, {"rope_theta", r.theta}};
  if (r.type == "llama3") {
    j["factor"] = r.factor;
    j["low_freq_factor"] = r.low_freq_factor;
    j["high_freq_factor"] = r.high_freq_factor;
    j["original_max_position_embeddings"] = r.original_max_position_embeddings;
  }
  return j;
}

json stack_json(const TransformerConfig& t) {
  return {{"hidden_size", t.hidden_size}, {"intermediate_size", t.intermediate_size},
          {"num_hidden_layers", t.num_layers}, {"num_attention_heads", t.num_heads},
          {"num_key_value_heads", t.num_kv_heads}, {"head_dim", t.head_dim},
          {"max_position_embeddings", t.max_position_embeddings}, {"rms_norm_eps", t.rms_norm_eps},
          {"hidden_act", "silu"}, {"attention_bias", false}, {"mlp_bias", false},
          {"rope_parameters", rope_json(t.rope)}};
}

}  // namespace

void CsmConfig::validate(const std::string& source) const {
  check_stack(backbone, "backbone", source);
  check_stack(depth, "depth decoder", source);
  if (num_codebooks < 2) fail(source, "num_codebooks must be at least 2");
  if (audio_vocab_size <= 0 || text_vocab_size <= 0) fail(source, "vocabulary sizes must be positive");
  if (depth.max_position_embeddings < num_codebooks)
    fail(source, "depth_decoder_config.max_position_embeddings (" + std::to_string(depth.max_position_embeddings) +
                     ") is smaller than num_codebooks (" + std::to_string(num_codebooks) + ")");
  if (codec.num_quantizers != num_codebooks)
    fail(source, "codec_config.num_quantizers (" + std::to_string(codec.num_quantizers) +
                     ") differs from num_codebooks (" + std::to_string(num_codebooks) + ")");
  if (codec.codebook_size > audio_vocab_size)
    fail(source, "codec_config.codebook_size (" + std::to_string(codec.codebook_size) +
                     ") is larger than the audio vocabulary (" + std::to_string(audio_vocab_size) + ")");
}

CsmConfig parse_model_config(const std::string& json_text, const std::string& source) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    fail(source, std::string("not valid JSON (") + e.what() + ")");
  }
  if (!root.is_object()) fail(source, "expected a JSON object");
  std::string type = field_or<std::string>(root, "model_type", "", "", source);
  if (type != "csm")
    fail(source, "model_type is '" + type + "', expected 'csm' (the config.json of a sesame/csm-1b folder)");

  CsmConfig c;
  c.backbone = read_stack(root, "", source);
  c.num_codebooks = field<int64_t>(root, "num_codebooks", "", source);
  c.audio_vocab_size = field<int64_t>(root, "vocab_size", "", source);
  c.text_vocab_size = field<int64_t>(root, "text_vocab_size", "", source);
  c.codebook_pad_token_id = field_or<int64_t>(root, "codebook_pad_token_id", c.audio_vocab_size - 1, "", source);
  c.codebook_eos_token_id = field_or<int64_t>(root, "codebook_eos_token_id", 0, "", source);
  c.bos_token_id = field_or<int64_t>(root, "bos_token_id", c.bos_token_id, "", source);
  c.audio_token_id = field_or<int64_t>(root, "audio_token_id", c.audio_token_id, "", source);
  c.audio_eos_token_id = field_or<int64_t>(root, "audio_eos_token_id", c.audio_eos_token_id, "", source);

  auto dd = root.find("depth_decoder_config");
  if (dd == root.end() || !dd->is_object()) fail(source, "missing object 'depth_decoder_config'");
  c.depth = read_stack(*dd, "depth_decoder_config.", source);
  int64_t dd_codebooks = field_or<int64_t>(*dd, "num_codebooks", c.num_codebooks, "depth_decoder_config.", source);
  int64_t dd_backbone = field_or<int64_t>(*dd, "backbone_hidden_size", c.backbone.hidden_size, "depth_decoder_config.", source);
  if (dd_codebooks != c.num_codebooks || dd_backbone != c.backbone.hidden_size)
    fail(source, "depth_decoder_config disagrees with the backbone (num_codebooks " + std::to_string(dd_codebooks) +
                     " vs " + std::to_string(c.num_codebooks) + ", backbone_hidden_size " + std::to_string(dd_backbone) +
                     " vs " + std::to_string(c.backbone.hidden_size) + ")");

  auto cc = root.find("codec_config");
  if (cc != root.end() && cc->is_object()) {
    const std::string w = "codec_config.";
    c.codec.sampling_rate = field_or<int64_t>(*cc, "sampling_rate", 24000, w, source);
    c.codec.hidden_size = field_or<int64_t>(*cc, "hidden_size", 512, w, source);
    c.codec.num_filters = field_or<int64_t>(*cc, "num_filters", 64, w, source);
    c.codec.codebook_size = field_or<int64_t>(*cc, "codebook_size", 2048, w, source);
    c.codec.codebook_dim = field_or<int64_t>(*cc, "codebook_dim", 256, w, source);
    c.codec.num_quantizers = field_or<int64_t>(*cc, "num_quantizers", 32, w, source);
    c.codec.num_semantic_quantizers = field_or<int64_t>(*cc, "num_semantic_quantizers", 1, w, source);
    c.codec.num_hidden_layers = field_or<int64_t>(*cc, "num_hidden_layers", 8, w, source);
    c.codec.upsampling_ratios = field_or<std::vector<int64_t>>(*cc, "upsampling_ratios", {8, 6, 5, 4}, w, source);
    c.codec.raw_json = cc->dump();
  } else {
    c.codec.num_quantizers = c.num_codebooks;
  }
  c.validate(source);
  return c;
}

CsmConfig read_model_config(const std::string& path) { return parse_model_config(read_file(path), path); }

std::string CsmConfig::to_json() const {
  json root = stack_json(backbone);
  root["model_type"] = "csm";
  root["architectures"] = {"CsmForConditionalGeneration"};
  root["num_codebooks"] = num_codebooks;
  root["vocab_size"] = audio_vocab_size;
  root["text_vocab_size"] = text_vocab_size;
  root["codebook_pad_token_id"] = codebook_pad_token_id;
  root["codebook_eos_token_id"] = codebook_eos_token_id;
  root["bos_token_id"] = bos_token_id;
  root["audio_token_id"] = audio_token_id;
  root["audio_eos_token_id"] = audio_eos_token_id;
  root["pad_token_id"] = audio_token_id;
  json dd = stack_json(depth);
  dd["model_type"] = "csm_depth_decoder_model";
  dd["num_codebooks"] = num_codebooks;
  dd["backbone_hidden_size"] = backbone.hidden_size;
  dd["vocab_size"] = audio_vocab_size;
  root["depth_decoder_config"] = dd;
  json codec_json = codec.raw_json.empty() ? json::object() : json::parse(codec.raw_json);
  codec_json["model_type"] = "mimi";
  codec_json["sampling_rate"] = codec.sampling_rate;
  codec_json["hidden_size"] = codec.hidden_size;
  codec_json["num_filters"] = codec.num_filters;
  codec_json["codebook_size"] = codec.codebook_size;
  codec_json["codebook_dim"] = codec.codebook_dim;
  codec_json["num_quantizers"] = codec.num_quantizers;
  codec_json["num_semantic_quantizers"] = codec.num_semantic_quantizers;
  codec_json["num_hidden_layers"] = codec.num_hidden_layers;
  codec_json["upsampling_ratios"] = codec.upsampling_ratios;
  root["codec_config"] = codec_json;
  return root.dump(2);
}

CsmConfig preset_config(const std::string& name) {
  auto llama3 = [](double low, double high, int64_t original) {
    RopeConfig r;
    r.type = "llama3";
    r.theta = 500000.0;
    r.factor = 32.0;
    r.low_freq_factor = low;
    r.high_freq_factor = high;
    r.original_max_position_embeddings = original;
    return r;
  };
  CsmConfig c;
  if (name == "csm-1b") {
    // Llama-3.2-1B backbone + 100M depth decoder, as in sesame/csm-1b's config.json. Its RoPE
    // thresholds equal torchtune's Llama3ScaledRoPE (old context 8192, factors 1 and 4).
    c.backbone = {2048, 8192, 16, 32, 8, 64, 2048, 1e-5, llama3(0.125, 0.5, 1024)};
    c.depth = {1024, 8192, 4, 8, 2, 128, 33, 1e-5, llama3(0.001953125, 0.0078125, 16)};
    c.num_codebooks = 32;
    c.audio_vocab_size = 2051;
    c.text_vocab_size = 128256;
    c.codebook_pad_token_id = 2050;
  } else if (name == "tiny") {
    // Matches tools/make_fixtures.py: small enough for CI, every code path of the full model.
    c.backbone = {64, 128, 2, 4, 2, 16, 256, 1e-5, llama3(1.0, 4.0, 64)};
    c.depth = {48, 96, 2, 4, 2, 12, 9, 1e-5, llama3(1.0, 4.0, 16)};
    c.num_codebooks = 8;
    c.audio_vocab_size = 67;
    c.text_vocab_size = 1024;
    c.codebook_pad_token_id = 66;
    c.bos_token_id = 1;
    c.audio_token_id = 2;
    c.audio_eos_token_id = 3;
    c.codec.hidden_size = 32;
    c.codec.num_filters = 4;
    c.codec.codebook_size = 64;
    c.codec.codebook_dim = 16;
    c.codec.num_quantizers = 8;
    c.codec.num_hidden_layers = 2;
  } else {
    throw std::invalid_argument("unknown model preset '" + name + "' (known: csm-1b, tiny)");
  }
  c.validate("preset " + name);
  return c;
}

std::vector<std::string> preset_names() { return {"csm-1b", "tiny"}; }

}  // namespace csm
