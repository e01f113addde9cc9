// Mimi checkpoint discovery and the Moshi -> transformers name map (see mimi_loader.h).
#include "codec/mimi_loader.h"

#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/safetensors.h"
#include "tensor_views.h"

namespace csm {
namespace fs = std::filesystem;

namespace {

torch::Tensor copy_of(const TensorView& v) {
  // from_blob does not own the mapped bytes; the clone does.
  return tensor_from_view(v).clone();
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Moshi checkpoints are recognised by their module names.
bool looks_like_moshi(const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (starts_with(n, "encoder.model.") || starts_with(n, "quantizer.rvq_first.") ||
        starts_with(n, "encoder_transformer.transformer."))
      return true;
  return false;
}

// Tensors named `prefix`* of a model.safetensors file or of the shards a sharded index lists.
std::map<std::string, torch::Tensor> read_prefixed(const fs::path& folder_or_file, const std::string& prefix,
                                                   std::string* weights_path) {
  std::vector<std::string> files;
  if (!fs::is_directory(folder_or_file)) {
    files.push_back(folder_or_file.string());
  } else if (fs::exists(folder_or_file / "model.safetensors")) {
    files.push_back((folder_or_file / "model.safetensors").string());
  } else if (fs::exists(folder_or_file / "model.safetensors.index.json")) {
    const fs::path index = folder_or_file / "model.safetensors.index.json";
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(read_file(index.string()));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(index.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.contains("weight_map") || !j["weight_map"].is_object())
      throw InputError(index.string() + ": missing object 'weight_map'");
    std::set<std::string> shards;
    for (const auto& [name, file] : j["weight_map"].items()) {
      if (!starts_with(name, prefix)) continue;
      if (!file.is_string() || file.get<std::string>().find('/') != std::string::npos)
        throw InputError(index.string() + ": bad shard name for tensor '" + name + "'");
      shards.insert((folder_or_file / file.get<std::string>()).string());
    }
    files.assign(shards.begin(), shards.end());
    if (files.empty()) throw InputError(index.string() + ": lists no '" + prefix + "*' tensors (no Mimi codec weights)");
  } else {
    throw InputError(folder_or_file.string() + ": no model.safetensors (or model.safetensors.index.json) in this folder");
  }
  *weights_path = files.front();
  std::map<std::string, torch::Tensor> out;
  for (const auto& file : files) {
    auto st = SafetensorsFile::open(file);
    for (const auto& name : st.names())
      if (starts_with(name, prefix)) out[name.substr(prefix.size())] = copy_of(st.at(name));
  }
  if (out.empty())
    throw InputError(*weights_path + ": holds no '" + prefix + "*' tensors (no Mimi codec weights; " +
                     (prefix.empty() ? "is this a Mimi checkpoint?)" : "a CSM checkpoint saved without its codec?)"));
  return out;
}

// kyutai/mimi's configuration (transformers' MimiConfig defaults) with the file's codebook count.
MimiConfig default_moshi_config(const std::map<std::string, torch::Tensor>& moshi, const std::string& file) {
  int64_t first = 0, rest = 0;
  for (const auto& [name, t] : moshi) {
    if (name.find("_codebook.embedding_sum") == std::string::npos) continue;
    if (starts_with(name, "quantizer.rvq_first.")) ++first;
    else if (starts_with(name, "quantizer.rvq_rest.")) ++rest;
  }
  MimiConfig cfg;
  if (first > 0) cfg.num_semantic_quantizers = first;
  if (first + rest > first) cfg.num_quantizers = first + rest;
  cfg.validate(file);
  return cfg;
}

}  // namespace

std::optional<std::string> map_moshi_name(const std::string& moshi_name) {
  // One table, applied in order (like transformers' convert_mimi_checkpoint_to_pytorch.py). Longer
  // fragments come before their prefixes.
  static const std::pair<const char*, const char*> kMap[] = {
      {"conv.conv.conv", "conv"},
      {"convtr.convtr.convtr", "conv"},
      {"conv.conv", "conv"},
      {"convtr.convtr", "conv"},
      {"quantizer.rvq_first.vq", "quantizer.semantic_residual_vector_quantizer"},
      {"quantizer.rvq_first", "quantizer.semantic_residual_vector_quantizer"},
      {"quantizer.rvq_rest.vq", "quantizer.acoustic_residual_vector_quantizer"},
      {"quantizer.rvq_rest", "quantizer.acoustic_residual_vector_quantizer"},
      {"_codebook", "codebook"},
      {"_initialized", "initialized"},
      {"embedding_sum", "embed_sum"},
      {"encoder.model", "encoder.layers"},
      {"decoder.model", "decoder.layers"},
      {"encoder_transformer.transformer", "encoder_transformer"},
      {"decoder_transformer.transformer", "decoder_transformer"},
      {"linear1", "mlp.fc1"},
      {"linear2", "mlp.fc2"},
      {"self_attn.in_projs.0.weight", "self_attn.in_proj_weight"},  // newer Moshi spelling
      {"self_attn.out_projs.0", "self_attn.o_proj"},
      {"self_attn.out_proj", "self_attn.o_proj"},
      {"norm1", "input_layernorm"},
      {"norm2", "post_attention_layernorm"},
      {"layer_scale_1", "self_attn_layer_scale"},
      {"layer_scale_2", "mlp_layer_scale"},
  };
  static const char* kRoots[] = {"encoder.model.", "decoder.model.", "encoder_transformer.transformer.",
                                 "decoder_transformer.transformer.", "quantizer.rvq_first.", "quantizer.rvq_rest.",
                                 "downsample.", "upsample."};
  bool known_root = false;
  for (const char* r : kRoots) known_root = known_root || starts_with(moshi_name, r);
  if (!known_root) return std::nullopt;
  std::string name = moshi_name;
  for (const auto& [from, to] : kMap) {
    const std::string f(from), t(to);
    for (size_t pos = name.find(f); pos != std::string::npos; pos = name.find(f, pos + t.size()))
      name.replace(pos, f.size(), t);
  }
  return name;
}

std::map<std::string, torch::Tensor> convert_moshi_weights(const std::map<std::string, torch::Tensor>& moshi,
                                                           const MimiConfig& cfg, const std::string& file) {
  const int64_t D = cfg.head_dim, Hq = cfg.num_attention_heads, Hkv = cfg.num_key_value_heads;
  // Moshi's RoPE rotates interleaved pairs (x0,x1),(x2,x3)...; transformers' the two halves of each head.
  auto to_rotate_half = [](const torch::Tensor& w, int64_t heads) {
    const int64_t rows = w.size(0), cols = w.size(1);
    return w.reshape({heads, rows / heads / 2, 2, cols}).transpose(1, 2).reshape({rows, cols});
  };
  std::map<std::string, torch::Tensor> out;
  for (const auto& [name, t] : moshi) {
    auto mapped = map_moshi_name(name);
    if (!mapped) throw InputError(file + ": unknown tensor '" + name + "' (not part of Moshi's Mimi codec)");
    static const std::string kFused = "self_attn.in_proj_weight";
    if (mapped->size() > kFused.size() && mapped->compare(mapped->size() - kFused.size(), kFused.size(), kFused) == 0) {
      const std::string base = mapped->substr(0, mapped->size() - std::string("in_proj_weight").size());
      if (t.dim() != 2 || t.size(0) != (Hq + 2 * Hkv) * D)
        throw InputError(file + ": tensor '" + name + "' has " + std::to_string(t.dim() == 2 ? t.size(0) : -1) +
                         " rows; the Mimi configuration needs " + std::to_string((Hq + 2 * Hkv) * D) +
                         " (fused q/k/v projection)");
      out[base + "q_proj.weight"] = to_rotate_half(t.narrow(0, 0, Hq * D), Hq);
      out[base + "k_proj.weight"] = to_rotate_half(t.narrow(0, Hq * D, Hkv * D), Hkv);
      out[base + "v_proj.weight"] = t.narrow(0, (Hq + Hkv) * D, Hkv * D);
      continue;
    }
    if (!out.emplace(*mapped, t).second)
      throw InputError(file + ": tensor '" + name + "' duplicates '" + *mapped + "'");
  }
  return out;
}

MimiCheckpoint mimi_checkpoint_from_csm(const std::map<std::string, torch::Tensor>& codec_weights,
                                        const std::string& codec_config_json, const std::string& source) {
  if (codec_weights.empty())
    throw InputError(source + ": this CSM checkpoint has no codec_model.* tensors; load the codec from a "
                     "kyutai/mimi folder or Moshi's tokenizer checkpoint instead");
  MimiCheckpoint ck;
  ck.config = parse_mimi_config(codec_config_json.empty() ? "{}" : codec_config_json, source + " (codec_config)");
  ck.weights = codec_weights;
  ck.layout = "csm";
  ck.weights_path = source;
  return ck;
}

MimiCheckpoint read_mimi_checkpoint(const std::string& path_string) {
  const fs::path path(path_string);
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw InputError(path_string + ": no such file or folder (point to a CSM model folder, a kyutai/mimi folder "
                     "or Moshi's tokenizer-*.safetensors)");
  const bool is_dir = fs::is_directory(path);
  const fs::path folder = is_dir ? path : path.parent_path();
  const fs::path config_path = folder / "config.json";

  MimiCheckpoint ck;
  // A single file: Moshi names, or a model.safetensors whose config.json sits beside it.
  if (!is_dir) {
    if (path.extension() != ".safetensors" && path.extension() != ".sft")
      throw InputError(path_string + ": not a .safetensors file (Mimi weights load from safetensors only)");
    auto st = SafetensorsFile::open(path_string);
    const auto names = st.names();
    if (looks_like_moshi(names)) {
      std::map<std::string, torch::Tensor> moshi;
      for (const auto& n : names) moshi[n] = copy_of(st.at(n));
      bool csm_config = false;
      if (!fs::exists(config_path) || !read_mimi_config_file(config_path.string(), &ck.config, &csm_config))
        ck.config = default_moshi_config(moshi, path_string);
      ck.weights = convert_moshi_weights(moshi, ck.config, path_string);
      ck.layout = "moshi";
      ck.weights_path = path_string;
      return ck;
    }
  }
  if (!fs::exists(config_path))
    throw InputError(config_path.string() + ": not found; a Mimi or CSM model folder needs config.json beside its "
                     "weights (Moshi checkpoints are recognised by their tensor names)");
  bool is_csm = false;
  if (!read_mimi_config_file(config_path.string(), &ck.config, &is_csm))
    throw InputError(config_path.string() + ": model_type is neither 'mimi' nor 'csm'; not a Mimi codec");
  ck.layout = is_csm ? "csm" : "mimi";
  ck.weights = read_prefixed(path, is_csm ? "codec_model." : "", &ck.weights_path);
  return ck;
}

}  // namespace csm
