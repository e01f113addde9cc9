// CsmRuntime: the torch-free face of the CSM model (loading, saving, losses, greedy decoding).
#include <algorithm>

#include "csm/errors.h"
#include "runtime_impl.h"
#include "torch_compat.h"

namespace csm {
torch::Device parse_device(const std::string& name) {
  if (name == "cpu") return torch::kCPU;
  if (name.rfind("cuda", 0) == 0) {
    if (!compat::cuda_available())
      throw InputError("device '" + name + "' was asked for, but this build (LibTorch " + compat::torch_version() +
                       ") sees no CUDA GPU; use device 'cpu'");
    try {
      return torch::Device(name);
    } catch (const c10::Error&) {
      throw InputError("device '" + name + "' is not a valid device name (use cpu, cuda or cuda:N)");
    }
  }
  throw InputError("device '" + name + "' is not supported (use cpu, cuda or cuda:N)");
}

torch::Dtype parse_dtype(const std::string& name) {
  if (name == "float32" || name == "fp32") return torch::kFloat32;
  if (name == "bfloat16" || name == "bf16") return torch::kBFloat16;
  if (name == "float16" || name == "fp16") return torch::kFloat16;
  throw InputError("dtype '" + name + "' is not supported (use float32, bfloat16 or float16)");
}

FrameSequence build_sequence(const CsmConfig& cfg, const std::vector<int32_t>& text_ids,
                             const std::vector<Frame>& frames, torch::Device device) {
  const int64_t K = cfg.num_codebooks, T = static_cast<int64_t>(text_ids.size());
  const int64_t L = T + static_cast<int64_t>(frames.size());
  if (L == 0) throw InputError("empty input: give at least one text token or audio frame");
  auto tokens = torch::zeros({1, L, K + 1}, torch::kInt64);
  auto mask = torch::zeros({1, L, K + 1}, torch::kBool);
  auto t = tokens.accessor<int64_t, 3>();
  auto m = mask.accessor<bool, 3>();
  for (int64_t i = 0; i < T; ++i) {
    if (text_ids[i] < 0 || text_ids[i] >= cfg.text_vocab_size)
      throw InputError("text token id " + std::to_string(text_ids[i]) + " is outside the model's text vocabulary (0.." +
                       std::to_string(cfg.text_vocab_size - 1) + "): the tokenizer does not belong to this model");
    t[0][i][K] = text_ids[i];
    m[0][i][K] = true;
  }
  for (size_t f = 0; f < frames.size(); ++f) {
    if (static_cast<int64_t>(frames[f].size()) != K)
      throw InputError("audio frame " + std::to_string(f) + " has " + std::to_string(frames[f].size()) +
                       " codes; this model uses " + std::to_string(K) + " codebooks");
    for (int64_t k = 0; k < K; ++k) {
      const int32_t code = frames[f][k];
      if (code < 0 || code >= cfg.audio_vocab_size)
        throw InputError("audio code " + std::to_string(code) + " (frame " + std::to_string(f) + ", codebook " +
                         std::to_string(k) + ") is outside 0.." + std::to_string(cfg.audio_vocab_size - 1));
      t[0][T + f][k] = code;
      m[0][T + f][k] = true;
    }
  }
  return {tokens.to(device), mask.to(device)};
}

torch::Tensor greedy_sample(const torch::Tensor& logits, int64_t /*codebook*/) { return logits.argmax(-1); }

CsmRuntime::CsmRuntime(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CsmRuntime::CsmRuntime(CsmRuntime&&) noexcept = default;
CsmRuntime& CsmRuntime::operator=(CsmRuntime&&) noexcept = default;
CsmRuntime::~CsmRuntime() = default;

CsmRuntime CsmRuntime::load(const std::string& path, const RuntimeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->device = parse_device(options.device);
  LoadedCheckpoint ckpt = load_checkpoint(path, impl->device, parse_dtype(options.dtype));
  impl->model = ckpt.model;
  impl->layout = ckpt.layout;
  impl->codec_weights = std::move(ckpt.codec_weights);
  impl->model->eval();
  return CsmRuntime(std::move(impl));
}

CsmRuntime CsmRuntime::create_random(const CsmConfig& config, uint64_t seed, const RuntimeOptions& options) {
  config.validate("model configuration");
  auto impl = std::make_unique<Impl>();
  impl->device = parse_device(options.device);
  impl->model = CsmModel(config, torch::TensorOptions().device(impl->device).dtype(parse_dtype(options.dtype)));
  impl->model->init_random(seed);
  impl->layout = "random";
  impl->model->eval();
  return CsmRuntime(std::move(impl));
}

const CsmConfig& CsmRuntime::config() const { return impl_->model->config(); }
std::string CsmRuntime::layout() const { return impl_->layout; }
std::string CsmRuntime::device() const { return impl_->device.str(); }
bool CsmRuntime::has_codec_weights() const { return !impl_->codec_weights.empty(); }

int64_t CsmRuntime::parameter_count() const {
  int64_t n = 0;
  for (const auto& [name, w] : impl_->model->named_weights())
    if (name != "depth_decoder.model.embed_tokens.weight") n += w.numel();  // tied in CSM-1B: count once
  return n;
}

void CsmRuntime::save(const std::string& dir) const { save_checkpoint(*impl_->model, impl_->codec_weights, dir); }

Losses CsmRuntime::evaluate(const std::vector<int32_t>& text_ids, const std::vector<Frame>& frames) const {
  torch::NoGradGuard no_grad;
  const CsmConfig& cfg = config();
  auto seq = build_sequence(cfg, text_ids, frames, impl_->device);
  const int64_t T = static_cast<int64_t>(text_ids.size());
  auto labels = torch::full({1, seq.tokens.size(1), cfg.num_codebooks}, -100, seq.tokens.options());
  labels.slice(1, T) = seq.tokens.slice(1, T).slice(2, 0, cfg.num_codebooks);
  auto out = impl_->model->forward_train(seq.tokens, seq.mask, {}, labels);
  return {out.backbone_loss.item<double>(), out.depth_loss.item<double>(), out.depth_frames};
}

std::vector<Frame> CsmRuntime::generate_greedy(const std::vector<int32_t>& text_ids, int max_frames) const {
  torch::NoGradGuard no_grad;
  const CsmConfig& cfg = config();
  if (text_ids.empty()) throw InputError("nothing to say: the text prompt is empty");
  if (max_frames <= 0) return {};
  auto seq = build_sequence(cfg, text_ids, {}, impl_->device);
  const int64_t needed = static_cast<int64_t>(text_ids.size()) + max_frames;
  if (static_cast<int64_t>(text_ids.size()) >= cfg.backbone.max_position_embeddings)
    throw InputError("the prompt has " + std::to_string(text_ids.size()) + " tokens; the model's context holds " +
                     std::to_string(cfg.backbone.max_position_embeddings));
  auto state = impl_->model->new_state(1, std::min<int64_t>(needed, cfg.backbone.max_position_embeddings));
  impl_->model->prefill(state, seq.tokens, seq.mask);
  std::vector<Frame> frames;
  for (int i = 0; i < max_frames; ++i) {
    auto frame = impl_->model->decode_frame(state, greedy_sample).to(torch::kCPU);  // [1, K]
    if (frame.eq(0).all().item<bool>()) break;  // the reference's end-of-audio frame
    auto acc = frame.accessor<int64_t, 2>();
    Frame f(cfg.num_codebooks);
    for (int64_t k = 0; k < cfg.num_codebooks; ++k) f[k] = static_cast<int32_t>(acc[0][k]);
    frames.push_back(std::move(f));
    if (i + 1 == max_frames || state.length >= state.capacity) break;
    impl_->model->append_frame(state, frame.to(impl_->device));
  }
  return frames;
}

}  // namespace csm
