// Strict loader/saver for CSM checkpoints in the Hugging Face and Sesame layouts.
#include "checkpoint_loader.h"

#include <torch/serialize.h>

#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "checkpoint_names.h"
#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/safetensors.h"
#include "tensor_views.h"

namespace csm {
namespace fs = std::filesystem;

namespace {

// Copies named source tensors into the model, checking names, shapes and dtypes strictly.
class StrictAssigner {
 public:
  StrictAssigner(CsmModelImpl& model, std::string file) : weights_(model.named_weights()), file_(std::move(file)) {}

  void assign(const std::string& name, const torch::Tensor& source, const std::string& shown_name) {
    auto it = weights_.find(name);
    if (it == weights_.end())
      throw InputError(file_ + ": unknown tensor '" + shown_name + "' (not part of a CSM model; is this a CSM checkpoint?)");
    if (!source.is_floating_point())
      throw InputError(file_ + ": tensor '" + shown_name + "' has dtype " + std::string(c10::toString(source.scalar_type())) +
                       "; expected a floating-point type (F32, BF16 or F16)");
    if (source.sizes() != it->second.sizes())
      throw InputError(file_ + ": tensor '" + shown_name + "' has shape " + shape_string(source.sizes()) +
                       " but the model configuration needs " + shape_string(it->second.sizes()) +
                       " (does config.json belong to these weights?)");
    if (!assigned_.insert(name).second)
      throw InputError(file_ + ": tensor '" + shown_name + "' appears twice");
    torch::NoGradGuard no_grad;
    it->second.copy_(source);
  }

  // The depth decoder's code table is the backbone's audio table where a checkpoint has only one.
  void finish() {
    if (!assigned_.count(kDepthEmbedName) && assigned_.count(kBackboneAudioEmbedName)) {
      torch::NoGradGuard no_grad;
      weights_.at(kDepthEmbedName).copy_(weights_.at(kBackboneAudioEmbedName));
      assigned_.insert(kDepthEmbedName);
    }
    std::vector<std::string> missing;
    for (const auto& [name, w] : weights_)
      if (!assigned_.count(name)) missing.push_back(name);
    if (missing.empty()) return;
    std::string list;
    for (size_t i = 0; i < missing.size() && i < 5; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > 5) list += ", ...";
    throw InputError(file_ + ": " + std::to_string(missing.size()) + " tensor(s) missing: " + list +
                     " (incomplete or truncated checkpoint?)");
  }

 private:
  std::map<std::string, torch::Tensor> weights_;
  std::set<std::string> assigned_;
  std::string file_;
};

// torchtune's interleaved RoPE rows (pairs) -> transformers' rotate-half order, per head.
torch::Tensor permute_for_rope(const torch::Tensor& w, int64_t heads) {
  const int64_t rows = w.size(0), cols = w.size(1);
  return w.reshape({heads, rows / heads / 2, 2, cols}).transpose(1, 2).reshape({rows, cols});
}

// Model folders hold config.json; a weights file may be given directly.
fs::path folder_of(const fs::path& path) { return fs::is_directory(path) ? path : path.parent_path(); }

std::vector<std::string> safetensors_files(const fs::path& path) {
  if (!fs::is_directory(path)) return {path.string()};
  if (fs::exists(path / "model.safetensors")) return {(path / "model.safetensors").string()};
  const fs::path index = path / "model.safetensors.index.json";
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(index.string()));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(index.string() + ": not valid JSON (" + e.what() + ")");
  }
  std::set<std::string> files;
  if (!j.contains("weight_map") || !j["weight_map"].is_object())
    throw InputError(index.string() + ": missing object 'weight_map'");
  for (const auto& [name, file] : j["weight_map"].items()) {
    if (!file.is_string() || file.get<std::string>().find('/') != std::string::npos)
      throw InputError(index.string() + ": bad shard name for tensor '" + name + "'");
    files.insert((path / file.get<std::string>()).string());
  }
  return {files.begin(), files.end()};
}

LoadedCheckpoint load_huggingface(const fs::path& path, torch::Device device, torch::Dtype dtype) {
  const fs::path config_path = folder_of(path) / "config.json";
  if (!fs::exists(config_path))
    throw InputError(config_path.string() + ": not found; a Hugging Face CSM folder needs config.json beside model.safetensors");
  CsmConfig cfg = read_model_config(config_path.string());
  LoadedCheckpoint out;
  out.layout = "huggingface";
  out.model = CsmModel(cfg, torch::TensorOptions().device(device).dtype(dtype));
  auto files = safetensors_files(path);
  out.weights_path = files.front();
  for (const auto& file : files) {
    auto st = SafetensorsFile::open(file);
    StrictAssigner assign(*out.model, file);
    for (const auto& name : st.names()) {
      const TensorView& v = st.at(name);
      if (name.rfind("codec_model.", 0) == 0) {
        out.codec_weights[name.substr(12)] = tensor_from_view(v).clone();
        continue;
      }
      assign.assign(name, tensor_from_view(v), name);
    }
    if (files.size() == 1) assign.finish();
  }
  if (files.size() > 1) {
    // shards each hold part of the model: check completeness across all of them
    std::set<std::string> present;
    for (const auto& file : files)
      for (const auto& n : SafetensorsFile::open(file).names()) present.insert(n);
    for (const auto& [name, w] : out.model->named_weights())
      if (!present.count(name) && name != kDepthEmbedName)
        throw InputError(files.front() + " (sharded): tensor '" + name + "' is missing from every shard");
  }
  return out;
}

c10::impl::GenericDict read_state_dict(const std::string& file) {
  std::string bytes = read_file(file);
  c10::IValue root;
  try {
    root = torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end()));
  } catch (const c10::Error& e) {
    std::string what = e.what_without_backtrace();
    if (what.find("Unknown opcode") != std::string::npos)
      throw InputError(file + ": this checkpoint wraps its state dict in another dict (e.g. {'model': state_dict}), "
                       "which this LibTorch cannot read; re-save it flat with torch.save(ckpt['model'], 'ckpt.pt')");
    throw InputError(file + ": not a readable torch.save checkpoint (" + what.substr(0, 200) + ")");
  }
  if (!root.isGenericDict()) throw InputError(file + ": expected a state dict (name -> tensor) at the top level");
  auto dict = root.toGenericDict();
  // LibTorch 2.x reads wrapped checkpoints; unwrap {"model": {...}} / {"state_dict": {...}}.
  if (dict.size() == 1 && dict.begin()->value().isGenericDict()) return dict.begin()->value().toGenericDict();
  return dict;
}

CsmConfig sesame_config(const fs::path& folder, const std::map<std::string, torch::Tensor>& tensors,
                        const std::string& file) {
  if (fs::exists(folder / "config.json")) return read_model_config((folder / "config.json").string());
  // Sesame ships no config: pick the preset whose shapes these tensors have.
  for (const auto& preset : preset_names()) {
    CsmConfig cfg = preset_config(preset);
    auto emb = tensors.find("text_embeddings.weight");
    auto head = tensors.find("audio_head");
    if (emb != tensors.end() && head != tensors.end() && emb->second.size(0) == cfg.text_vocab_size &&
        emb->second.size(1) == cfg.backbone.hidden_size && head->second.dim() == 3 &&
        head->second.size(0) == cfg.num_codebooks - 1 && head->second.size(1) == cfg.depth.hidden_size)
      return cfg;
  }
  throw InputError(file + ": no config.json beside it and its shapes match no known model (csm-1b, tiny); "
                   "put the model's config.json in the same folder");
}

LoadedCheckpoint load_sesame(const fs::path& path, torch::Device device, torch::Dtype dtype) {
  const fs::path file = fs::is_directory(path) ? path / "ckpt.pt" : path;
  std::map<std::string, torch::Tensor> tensors;
  for (const auto& item : read_state_dict(file.string())) {
    if (!item.key().isString() || !item.value().isTensor())
      throw InputError(file.string() + ": state dict entries must map names to tensors");
    tensors[item.key().toStringRef()] = item.value().toTensor();
  }
  CsmConfig cfg = sesame_config(folder_of(path), tensors, file.string());
  LoadedCheckpoint out;
  out.layout = "sesame";
  out.weights_path = file.string();
  out.model = CsmModel(cfg, torch::TensorOptions().device(device).dtype(dtype));
  StrictAssigner assign(*out.model, file.string());
  for (const auto& [name, t] : tensors) {
    auto mapped = map_sesame_name(name);
    if (!mapped) throw InputError(file.string() + ": unknown tensor '" + name + "' (not part of Sesame's CSM model)");
    if (mapped->kind == SesameNameKind::Ignored) continue;
    torch::Tensor value = t;
    if (mapped->kind == SesameNameKind::InterleavedRope && t.dim() == 2) {
      const bool backbone = mapped->hf_name.rfind("backbone_model.", 0) == 0;
      const TransformerConfig& stack = backbone ? cfg.backbone : cfg.depth;
      const bool is_q = mapped->hf_name.find("q_proj") != std::string::npos;
      const int64_t heads = is_q ? stack.num_heads : stack.num_kv_heads;
      if (t.size(0) == heads * stack.head_dim) value = permute_for_rope(t, heads);
    }
    assign.assign(mapped->hf_name, value, name);
  }
  assign.finish();
  return out;
}

}  // namespace

LoadedCheckpoint load_checkpoint(const std::string& path_string, torch::Device device, torch::Dtype dtype) {
  const fs::path path(path_string);
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw InputError(path_string + ": no such file or folder (point to a CSM model folder holding config.json and "
                     "model.safetensors, or to Sesame's ckpt.pt)");
  const bool is_dir = fs::is_directory(path);
  const std::string ext = path.extension().string();
  if ((is_dir && (fs::exists(path / "model.safetensors") || fs::exists(path / "model.safetensors.index.json"))) ||
      (!is_dir && ext == ".safetensors"))
    return load_huggingface(path, device, dtype);
  if ((is_dir && fs::exists(path / "ckpt.pt")) || (!is_dir && (ext == ".pt" || ext == ".pth")))
    return load_sesame(path, device, dtype);
  throw InputError(path_string + ": no CSM weights found (expected model.safetensors, model.safetensors.index.json or ckpt.pt)");
}

void save_checkpoint(CsmModelImpl& model, const std::map<std::string, torch::Tensor>& codec_weights,
                     const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw WriteError(dir + ": cannot create folder (" + ec.message() + ")");
  std::vector<torch::Tensor> keep_alive;
  std::vector<TensorView> views;
  auto add = [&](const std::string& name, const torch::Tensor& t) {
    keep_alive.push_back(t.detach().to(torch::kCPU).contiguous());
    const torch::Tensor& c = keep_alive.back();
    TensorView v;
    v.name = name;
    v.dtype = safetensors_dtype(c.scalar_type());
    v.shape = c.sizes().vec();
    v.data = c.data_ptr();
    v.nbytes = c.nbytes();
    views.push_back(v);
  };
  for (const auto& [name, w] : model.named_weights()) add(name, w);
  for (const auto& [name, w] : codec_weights) add("codec_model." + name, w);
  write_safetensors((fs::path(dir) / "model.safetensors").string(), views, {{"format", "pt"}});
  write_file_atomically((fs::path(dir) / "config.json").string(), model.config().to_json());
}

}  // namespace csm
