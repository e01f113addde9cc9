// Mimi audio codec, public API (no torch types): 24 kHz mono audio <-> K codebooks of codes at
// 12.5 frames per second, computed like transformers' MimiModel.
//
//   auto codec = csm::MimiCodec::load("models/csm-1b");   // CSM folder, kyutai/mimi folder or
//                                                          // Moshi's tokenizer-*.safetensors
//   csm::AudioCodes codes = codec.encode(samples.data(), samples.size());   // 24000 Hz mono float
//   std::vector<float> audio = codec.decode(codes);                          // 1920 samples per frame
//
//   auto stream = codec.streaming_decoder();       // generated frames -> audio, chunk by chunk
//   for (const csm::Frame& f : frames) play(stream.decode_frame(f));
//
// Weights are read-only once loaded; a MimiCodec may be used from one thread at a time (the GUI
// keeps all torch work on one worker thread). Bad input throws csm::InputError with the fix.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace csm {

class CsmRuntime;

struct CodecOptions {
  std::string device = "cpu";     // "cpu", "cuda" or "cuda:N"
  std::string dtype = "float32";  // "float32" or "bfloat16" (CUDA); the quantizer always runs in float32
  int num_codebooks = 0;          // codebooks to encode/expect when decoding; 0 = all the checkpoint has
  // Keys each attention query sees: -1 = as transformers' MimiModel and Moshi do (config.sliding_window,
  // 250 steps = 10 s), 0 = the whole causal past, N > 0 = a sliding window of N.
  int attention_window = -1;
};

// Codes of one clip: values[k * num_frames + f] is codebook k at frame f.
struct AudioCodes {
  int64_t num_codebooks = 0;
  int64_t num_frames = 0;
  std::vector<int32_t> values;
  int32_t at(int64_t codebook, int64_t frame) const { return values[codebook * num_frames + frame]; }
  // Frame-major copy: frames()[f][k] is codebook k at frame f (the generator's and trainer's order).
  std::vector<std::vector<int32_t>> frames() const {
    std::vector<std::vector<int32_t>> out(num_frames, std::vector<int32_t>(num_codebooks));
    for (int64_t f = 0; f < num_frames; ++f)
      for (int64_t k = 0; k < num_codebooks; ++k) out[f][k] = at(k, f);
    return out;
  }
};

class StreamingDecoder;

class MimiCodec {
 public:
  // `path`: a CSM model folder (its codec_model.* tensors), a kyutai/mimi folder (config.json
  // model_type "mimi" + model.safetensors), or Moshi's original checkpoint file.
  static MimiCodec load(const std::string& path, const CodecOptions& options = {});
  // The codec stored in an already loaded CSM checkpoint (no second read of the file).
  static MimiCodec from_runtime(const CsmRuntime& runtime, const CodecOptions& options = {});
  MimiCodec(MimiCodec&&) noexcept;
  MimiCodec& operator=(MimiCodec&&) noexcept;
  ~MimiCodec();

  std::string layout() const;       // "csm", "mimi" or "moshi"
  std::string device() const;       // e.g. "cpu" or "cuda:0"
  int64_t sample_rate() const;      // 24000
  int64_t num_codebooks() const;    // codebooks encoded / expected (options.num_codebooks or all)
  int64_t max_codebooks() const;    // codebooks in the checkpoint (32 for Mimi)
  int64_t codebook_size() const;    // 2048
  double frame_rate() const;        // 12.5
  int64_t samples_per_frame() const;                // 1920
  int64_t frames_for_samples(int64_t samples) const;  // ceil(samples / 1920)

  // Encodes mono float audio (nominally -1..1). `sample_rate` and `channels` describe what the
  // caller has: anything but the codec's rate and mono is refused (resample / downmix first).
  AudioCodes encode(const float* samples, int64_t count, int64_t sample_rate = 24000, int64_t channels = 1) const;
  // Several clips in one batch: item i has lengths[i] samples at items[i]; each result equals
  // encode() of that clip alone.
  std::vector<AudioCodes> encode_batch(const std::vector<const float*>& items, const std::vector<int64_t>& lengths,
                                       int64_t sample_rate = 24000, int64_t channels = 1) const;

  // codes.num_frames * samples_per_frame() samples. Codes must have num_codebooks() rows and
  // values in 0..codebook_size()-1.
  std::vector<float> decode(const AudioCodes& codes) const;

  StreamingDecoder streaming_decoder() const;

  struct Impl;
  Impl& impl() const { return *impl_; }  // engine-internal callers (generator, trainer): torch API

 private:
  explicit MimiCodec(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
  friend class StreamingDecoder;
};

// Decodes frames as they arrive, keeping the decoder's convolution and attention state: the audio
// of all chunks together equals MimiCodec::decode of all frames at once.
class StreamingDecoder {
 public:
  StreamingDecoder(StreamingDecoder&&) noexcept;
  StreamingDecoder& operator=(StreamingDecoder&&) noexcept;
  ~StreamingDecoder();

  std::vector<float> decode(const AudioCodes& frames);           // frames.num_frames * 1920 samples
  std::vector<float> decode_frame(const std::vector<int32_t>& frame);  // one frame of K codes
  void reset();                                                  // start a new clip
  int64_t frames_decoded() const;

 private:
  friend class MimiCodec;
  struct State;
  explicit StreamingDecoder(std::shared_ptr<MimiCodec::Impl> codec);
  std::shared_ptr<MimiCodec::Impl> codec_;
  std::unique_ptr<State> state_;
};

}  // namespace csm
