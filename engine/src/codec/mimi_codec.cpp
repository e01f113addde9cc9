// MimiCodec / StreamingDecoder: the torch-free face of MimiModel (loading, input checks, copies
// between std::vector and tensors).
#include "csm/codec/mimi_codec.h"

#include <cmath>

#include "codec/mimi_codec_impl.h"
#include "codec/mimi_loader.h"
#include "csm/errors.h"
#include "runtime_impl.h"
#include "torch_compat.h"

namespace csm {
namespace {

torch::Dtype codec_dtype(const std::string& name) {
  const torch::Dtype dtype = parse_dtype(name);
  if (dtype == torch::kFloat16) throw InputError("codec dtype '" + name + "' is not supported (use float32 or bfloat16)");
  return dtype;
}

std::shared_ptr<MimiCodec::Impl> make_impl(MimiCheckpoint ck, const CodecOptions& options) {
  const MimiConfig& cfg = ck.config;
  auto impl = std::make_shared<MimiCodec::Impl>(cfg, parse_device(options.device), codec_dtype(options.dtype));
  impl->model.load_weights(ck.weights, ck.weights_path);
  impl->model.set_attention_window(resolve_attention_window(options.attention_window, cfg));
  impl->layout = ck.layout;
  impl->source = ck.weights_path;
  const int64_t k = options.num_codebooks;
  if (k < 0 || k > cfg.num_quantizers || (k > 0 && k < cfg.num_semantic_quantizers))
    throw InputError(ck.weights_path + ": " + std::to_string(k) + " codebooks were asked for; this Mimi checkpoint has " +
                     std::to_string(cfg.num_quantizers) + " (use 1.." + std::to_string(cfg.num_quantizers) +
                     ", or 0 for all)");
  impl->num_codebooks = k == 0 ? cfg.num_quantizers : k;
  return impl;
}

// Checks one clip's description before any tensor is made.
void check_audio(const MimiCodec::Impl& c, const float* samples, int64_t count, int64_t sample_rate,
                 int64_t channels, const std::string& what) {
  const MimiConfig& cfg = c.model.config();
  if (sample_rate != cfg.sampling_rate)
    throw InputError(what + " is at " + std::to_string(sample_rate) + " Hz but the Mimi codec takes " +
                     std::to_string(cfg.sampling_rate) + " Hz; resample it first");
  if (channels != 1)
    throw InputError(what + " has " + std::to_string(channels) +
                     " channels but the Mimi codec takes mono audio; downmix it to one channel first");
  if (count <= 0) throw InputError(what + " is empty (0 samples); there is nothing to encode");
  if (count < 2)
    throw InputError(what + " has a single sample; the Mimi codec needs at least 2 samples (one frame covers " +
                     std::to_string(cfg.frame_size()) + ")");
  if (samples == nullptr) throw std::invalid_argument("encode: null sample pointer with a non-zero count");
}

torch::Tensor codes_tensor(const MimiCodec::Impl& c, const AudioCodes& codes, const std::string& what) {
  const int64_t K = codes.num_codebooks, F = codes.num_frames, V = c.model.config().codebook_size;
  if (K != c.num_codebooks)
    throw InputError(what + " have " + std::to_string(K) + " codebooks but this Mimi codec decodes " +
                     std::to_string(c.num_codebooks) + " (set CodecOptions::num_codebooks to match the model that made them)");
  if (F < 0 || static_cast<int64_t>(codes.values.size()) != K * F)
    throw InputError(what + ": " + std::to_string(codes.values.size()) + " values for " + std::to_string(K) +
                     " codebooks x " + std::to_string(F) + " frames");
  for (int64_t k = 0; k < K; ++k)
    for (int64_t f = 0; f < F; ++f) {
      const int32_t v = codes.values[k * F + f];
      if (v < 0 || v >= V)
        throw InputError(what + ": code " + std::to_string(v) + " at codebook " + std::to_string(k) + ", frame " +
                         std::to_string(f) + " is outside 0.." + std::to_string(V - 1) +
                         " (special tokens such as padding or end-of-audio must be removed before decoding)");
    }
  auto t = torch::from_blob(const_cast<int32_t*>(codes.values.data()), {1, K, F}, torch::kInt32);
  return t.to(torch::kInt64);
}

std::vector<float> to_vector(const torch::Tensor& audio) {
  auto a = audio.reshape({-1}).to(torch::kCPU, torch::kFloat32).contiguous();
  return std::vector<float>(a.data_ptr<float>(), a.data_ptr<float>() + a.numel());
}

AudioCodes to_codes(const torch::Tensor& codes /* [K, F] */) {
  auto c = codes.to(torch::kCPU, torch::kInt32).contiguous();
  AudioCodes out;
  out.num_codebooks = c.size(0);
  out.num_frames = c.size(1);
  out.values.assign(c.data_ptr<int32_t>(), c.data_ptr<int32_t>() + c.numel());
  return out;
}

}  // namespace

int64_t resolve_attention_window(int option, const MimiConfig& cfg) {
  if (option > 0) return option;
  if (option == 0) return 0;
  return kTransformersUsesSlidingWindow ? cfg.sliding_window : 0;
}

// ---- MimiCodec -----------------------------------------------------------------------------------

MimiCodec::MimiCodec(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
MimiCodec::MimiCodec(MimiCodec&&) noexcept = default;
MimiCodec& MimiCodec::operator=(MimiCodec&&) noexcept = default;
MimiCodec::~MimiCodec() = default;

MimiCodec MimiCodec::load(const std::string& path, const CodecOptions& options) {
  return MimiCodec(make_impl(read_mimi_checkpoint(path), options));
}

MimiCodec MimiCodec::from_runtime(const CsmRuntime& runtime, const CodecOptions& options) {
  const auto& rt = runtime.impl();
  return MimiCodec(make_impl(mimi_checkpoint_from_csm(rt.codec_weights, runtime.config().codec.raw_json,
                                                      "CSM checkpoint (" + runtime.layout() + " layout)"),
                             options));
}

std::string MimiCodec::layout() const { return impl_->layout; }
std::string MimiCodec::device() const { return impl_->model.device().str(); }
int64_t MimiCodec::sample_rate() const { return impl_->model.config().sampling_rate; }
int64_t MimiCodec::num_codebooks() const { return impl_->num_codebooks; }
int64_t MimiCodec::max_codebooks() const { return impl_->model.config().num_quantizers; }
int64_t MimiCodec::codebook_size() const { return impl_->model.config().codebook_size; }
double MimiCodec::frame_rate() const { return impl_->model.config().frame_rate(); }
int64_t MimiCodec::samples_per_frame() const { return impl_->model.config().frame_size(); }
int64_t MimiCodec::frames_for_samples(int64_t samples) const { return impl_->model.config().encoded_length(samples); }

AudioCodes MimiCodec::encode(const float* samples, int64_t count, int64_t sample_rate, int64_t channels) const {
  check_audio(*impl_, samples, count, sample_rate, channels, "audio");
  auto audio = torch::from_blob(const_cast<float*>(samples), {1, 1, count}, torch::kFloat32);
  if (!torch::isfinite(audio).all().item<bool>())
    throw InputError("audio contains NaN or infinite samples; the recording or its conversion is broken");
  auto codes = impl_->model.encode(audio, {}, impl_->num_codebooks);  // [1, K, F]
  return to_codes(codes[0]);
}

std::vector<AudioCodes> MimiCodec::encode_batch(const std::vector<const float*>& items,
                                                const std::vector<int64_t>& lengths, int64_t sample_rate,
                                                int64_t channels) const {
  if (items.size() != lengths.size())
    throw std::invalid_argument("encode_batch: " + std::to_string(items.size()) + " items but " +
                                std::to_string(lengths.size()) + " lengths");
  if (items.empty()) return {};
  int64_t longest = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    check_audio(*impl_, items[i], lengths[i], sample_rate, channels, "audio item " + std::to_string(i));
    longest = std::max(longest, lengths[i]);
  }
  const int64_t B = static_cast<int64_t>(items.size());
  auto audio = torch::zeros({B, 1, longest}, torch::kFloat32);
  for (int64_t i = 0; i < B; ++i)
    audio[i][0].narrow(0, 0, lengths[i]).copy_(torch::from_blob(const_cast<float*>(items[i]), {lengths[i]}, torch::kFloat32));
  if (!torch::isfinite(audio).all().item<bool>())
    throw InputError("a batch item contains NaN or infinite samples; its recording or conversion is broken");
  auto codes = impl_->model.encode(audio, lengths, impl_->num_codebooks).to(torch::kCPU);  // [B, K, F]
  std::vector<AudioCodes> out;
  for (int64_t i = 0; i < B; ++i)
    out.push_back(to_codes(codes[i].narrow(1, 0, impl_->model.config().encoded_length(lengths[i]))));
  return out;
}

std::vector<float> MimiCodec::decode(const AudioCodes& codes) const {
  auto c = codes_tensor(*impl_, codes, "codes");
  if (codes.num_frames == 0) return {};
  return to_vector(impl_->model.decode(c));
}

StreamingDecoder MimiCodec::streaming_decoder() const { return StreamingDecoder(impl_); }

// ---- StreamingDecoder ----------------------------------------------------------------------------

struct StreamingDecoder::State {
  MimiDecoderState decoder;
  int64_t frames = 0;
};

StreamingDecoder::StreamingDecoder(std::shared_ptr<MimiCodec::Impl> codec) : codec_(std::move(codec)) { reset(); }
StreamingDecoder::StreamingDecoder(StreamingDecoder&&) noexcept = default;
StreamingDecoder& StreamingDecoder::operator=(StreamingDecoder&&) noexcept = default;
StreamingDecoder::~StreamingDecoder() = default;

void StreamingDecoder::reset() {
  state_ = std::make_unique<State>();
  state_->decoder = codec_->model.new_decoder_state(1);
}

int64_t StreamingDecoder::frames_decoded() const { return state_->frames; }

std::vector<float> StreamingDecoder::decode(const AudioCodes& frames) {
  auto c = codes_tensor(*codec_, frames, "streamed codes");
  if (frames.num_frames == 0) return {};
  auto audio = codec_->model.decode_step(state_->decoder, c);
  state_->frames += frames.num_frames;
  return to_vector(audio);
}

std::vector<float> StreamingDecoder::decode_frame(const std::vector<int32_t>& frame) {
  AudioCodes c;
  c.num_codebooks = static_cast<int64_t>(frame.size());
  c.num_frames = 1;
  c.values = frame;
  return decode(c);
}

}  // namespace csm
