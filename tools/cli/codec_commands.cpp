// `csm codec encode|decode`: audio file <-> Mimi codes (safetensors "audio_codes" int64 [1, K, F],
// the layout of transformers' MimiModel.encode). Audio is read, downmixed and resampled to 24 kHz by
// the data stage's reader; decoded audio is written as 16-bit WAV at 24 kHz.
#include <iostream>
#include <string>
#include <vector>

#include "command_registry.h"
#include "csm/codec/mimi_codec.h"
#include "csm/data/audio_file.h"
#include "csm/data/resampler.h"
#include "csm/errors.h"
#include "csm/safetensors.h"

namespace {

csm::MimiCodec load_codec(const csm::cli::ParsedArgs& a) {
  if (!a.has("model")) throw std::invalid_argument("codec needs --model PATH (CSM folder, kyutai/mimi folder or Moshi checkpoint)");
  csm::CodecOptions o;
  o.device = a.get("device", "cpu");
  o.dtype = a.get("dtype", "float32");
  o.num_codebooks = std::stoi(a.get("codebooks", "0"));
  return csm::MimiCodec::load(a.get("model"), o);
}

int encode(const csm::cli::ParsedArgs& a) {
  if (a.positional.size() != 3) throw std::invalid_argument("codec encode needs IN_AUDIO and OUT.safetensors");
  auto codec = load_codec(a);
  auto audio = csm::data::read_audio_file(a.positional[1]);
  auto samples = csm::data::resample(audio.samples, audio.sample_rate, int(codec.sample_rate()));
  auto codes = codec.encode(samples.data(), int64_t(samples.size()), codec.sample_rate(), 1);
  std::vector<int64_t> values(codes.values.begin(), codes.values.end());
  csm::TensorView v;
  v.name = "audio_codes";
  v.dtype = csm::DType::I64;
  v.shape = {1, codes.num_codebooks, codes.num_frames};
  v.data = values.data();
  v.nbytes = values.size() * sizeof(int64_t);
  csm::write_safetensors(a.positional[2], {v},
                         {{"sample_rate", std::to_string(codec.sample_rate())},
                          {"frame_rate", std::to_string(codec.frame_rate())},
                          {"source_samples", std::to_string(samples.size())}});
  std::cout << a.positional[2] << ": " << codes.num_codebooks << " codebooks x " << codes.num_frames << " frames ("
            << double(samples.size()) / double(codec.sample_rate()) << " s)\n";
  return 0;
}

int decode(const csm::cli::ParsedArgs& a) {
  if (a.positional.size() != 3) throw std::invalid_argument("codec decode needs IN.safetensors and OUT.wav");
  auto codec = load_codec(a);
  auto file = csm::SafetensorsFile::open(a.positional[1]);
  const auto& v = file.at("audio_codes");
  if (v.dtype != csm::DType::I64 || v.shape.size() != 3 || v.shape[0] != 1)
    throw csm::InputError(a.positional[1] + ": 'audio_codes' must be int64 [1, K, F]");
  csm::AudioCodes codes;
  codes.num_codebooks = v.shape[1];
  codes.num_frames = v.shape[2];
  const auto* p = static_cast<const int64_t*>(v.data);
  codes.values.assign(p, p + v.numel());
  auto audio = codec.decode(codes);
  // transformers' decode may run past the input; trim to the encoded clip's length when known
  auto it = file.metadata().find("source_samples");
  if (it != file.metadata().end()) {
    const size_t n = std::stoull(it->second);
    if (n < audio.size()) audio.resize(n);
  }
  csm::data::write_wav_pcm16(a.positional[2], audio, int(codec.sample_rate()));
  std::cout << a.positional[2] << ": " << double(audio.size()) / double(codec.sample_rate()) << " s at "
            << codec.sample_rate() << " Hz\n";
  return 0;
}

int run_codec(const std::vector<std::string>& args) {
  auto a = csm::cli::parse_args(args);
  if (a.positional.empty()) throw std::invalid_argument("codec needs a subcommand: encode or decode");
  if (a.positional[0] == "encode") return encode(a);
  if (a.positional[0] == "decode") return decode(a);
  throw std::invalid_argument("unknown codec subcommand '" + a.positional[0] + "' (encode or decode)");
}

csm::cli::CommandRegistration reg{
    "codec",
    "codec encode IN_AUDIO OUT.safetensors --model PATH [--device cpu|cuda] [--dtype float32|bfloat16] [--codebooks N]\n"
    "  codec decode IN.safetensors OUT.wav --model PATH [--device ...] [--dtype ...] [--codebooks N]",
    run_codec};

}  // namespace
