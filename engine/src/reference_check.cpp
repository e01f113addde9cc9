// Engine vs. transformers reference dumps (see csm/reference_check.h for the file's contents).
#include "csm/reference_check.h"

#include <limits>

#include "csm/errors.h"
#include "csm/safetensors.h"
#include "runtime_impl.h"

namespace csm {
namespace {

class Reference {
 public:
  Reference(const std::string& path, torch::Device device) : file_(SafetensorsFile::open(path)), device_(device) {}
  bool has(const std::string& name) const { return file_.contains(name); }
  torch::Tensor get(const std::string& name) const {
    const TensorView& v = file_.at(name);
    torch::Dtype dt = v.dtype == DType::I64 ? torch::kInt64 : v.dtype == DType::U8 ? torch::kUInt8 : torch::kFloat32;
    if (v.dtype != DType::I64 && v.dtype != DType::U8 && v.dtype != DType::F32)
      throw InputError(file_.path() + ": reference tensor '" + name + "' must be F32, I64 or U8");
    return torch::from_blob(const_cast<void*>(v.data), v.shape, torch::TensorOptions(dt)).clone().to(device_);
  }

 private:
  SafetensorsFile file_;
  torch::Device device_;
};

double max_abs_diff(const torch::Tensor& ours, const torch::Tensor& theirs, const torch::Tensor& keep = {}) {
  if (ours.sizes() != theirs.sizes()) return std::numeric_limits<double>::infinity();
  auto d = (ours.to(torch::kFloat32) - theirs.to(ours.device()).to(torch::kFloat32)).abs();
  if (keep.defined()) d = d * keep.to(d.device()).to(torch::kFloat32);
  return d.numel() ? d.max().item<double>() : 0.0;
}

double code_mismatches(const torch::Tensor& ours, const torch::Tensor& theirs) {
  if (ours.sizes() != theirs.sizes()) return static_cast<double>(std::max(ours.numel(), theirs.numel()));
  return ours.to(torch::kCPU).ne(theirs.to(torch::kCPU)).sum().item<double>();
}

}  // namespace

std::vector<ReferenceDiff> compare_with_reference(const CsmRuntime& runtime, const std::string& path, double tol) {
  torch::NoGradGuard no_grad;
  auto& rt = runtime.impl();
  CsmModelImpl& model = *rt.model;
  const CsmConfig& cfg = model.config();
  const int64_t K = cfg.num_codebooks;
  const auto dtype = model.lm_head.scalar_type();
  Reference ref(path, rt.device);
  std::vector<ReferenceDiff> out;
  auto add = [&](const std::string& name, double diff, double tolerance) { out.push_back({name, diff, tolerance}); };

  for (const std::string tag : {"plain", "padded"}) {
    if (!ref.has(tag + ".tokens")) continue;
    auto tokens = ref.get(tag + ".tokens");
    auto mask = ref.get(tag + ".mask").to(torch::kBool);
    auto attention = ref.get(tag + ".attention_mask");
    auto labels = ref.get(tag + ".labels");
    auto expanded = expand_frame_labels(ref.get(tag + ".frame_labels"), tokens.slice(2, 0, K), cfg.audio_token_id);
    add(tag + ".labels_from_frame_labels", code_mismatches(expanded, labels), 0);
    auto res = model.forward_train(tokens, mask, attention, labels);
    // padded positions compute garbage in both implementations: compare real tokens only
    add(tag + ".logits", max_abs_diff(res.logits, ref.get(tag + ".logits"), attention.unsqueeze(-1)), tol);
    add(tag + ".depth_logits", max_abs_diff(res.depth_logits, ref.get(tag + ".depth_logits")), tol);
    add(tag + ".backbone_loss", max_abs_diff(res.backbone_loss.reshape({1}), ref.get(tag + ".backbone_loss")), tol);
    add(tag + ".depth_loss", max_abs_diff(res.depth_loss.reshape({1}), ref.get(tag + ".depth_loss")), tol);
  }

  if (ref.has("step.next_frame")) {
    auto tokens = ref.get("plain.tokens");
    auto mask = ref.get("plain.mask").to(torch::kBool);
    auto state = model.new_state(tokens.size(0), tokens.size(1) + 1);
    add("step.prefill_last_logits", max_abs_diff(model.prefill(state, tokens, mask), ref.get("step.prefill_last_logits")), tol);
    auto next = ref.get("step.next_frame").select(1, 0);  // [B, K]
    add("step.logits", max_abs_diff(model.append_frame(state, next), ref.get("step.logits")), tol);
  }

  if (ref.has("depth.codes")) {
    auto hidden = ref.get("depth.backbone_hidden").to(dtype);
    auto codes = ref.get("depth.codes");  // [B, K-1]: codebooks 0..K-2
    auto expected = ref.get("depth.logits");
    add("depth.logits", max_abs_diff(model.depth_logits(hidden, codes), expected), tol);
    // the cached, one-codebook-per-step path used for generation, with the same codes forced
    auto state = model.new_state(hidden.size(0), 1);
    state.last_hidden = hidden;
    std::vector<torch::Tensor> step_logits;
    model.decode_frame(state, [&](const torch::Tensor& logits, int64_t k) {
      if (k > 0) step_logits.push_back(logits);
      return k < K - 1 ? codes.select(1, k) : logits.argmax(-1);
    });
    add("depth.cached_logits", max_abs_diff(torch::stack(step_logits, 1), expected), tol);
  }

  if (ref.has("generate.frames")) {
    auto prompt = ref.get("generate.prompt").to(torch::kCPU);
    auto expected = ref.get("generate.frames").to(torch::kCPU);  // [1, F, K]
    std::vector<int32_t> ids(prompt.data_ptr<int64_t>(), prompt.data_ptr<int64_t>() + prompt.numel());
    auto frames = runtime.generate_greedy(ids, static_cast<int>(expected.size(1)));
    auto ours = torch::zeros({1, static_cast<int64_t>(frames.size()), K}, torch::kInt64);
    for (size_t f = 0; f < frames.size(); ++f)
      for (int64_t k = 0; k < K; ++k) ours[0][f][k] = frames[f][k];
    add("generate.frames", code_mismatches(ours, expected), 0);
  }
  return out;
}

}  // namespace csm
