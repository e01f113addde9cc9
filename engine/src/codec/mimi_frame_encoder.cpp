// MimiFrameEncoder: MimiCodec as the data pipeline's AudioFrameEncoder (see the header).
#include "csm/codec/mimi_frame_encoder.h"

#include "csm/profiles/model_identity.h"

namespace csm {

MimiFrameEncoder::MimiFrameEncoder(const std::string& path, const CodecOptions& options)
    : codec_(MimiCodec::load(path, options)) {
  identity_ = "mimi:" + std::to_string(codec_.num_codebooks()) + ":" + model_identity(path);
}

std::vector<std::vector<int32_t>> MimiFrameEncoder::encode(const std::vector<float>& audio) {
  const AudioCodes codes = codec_.encode(audio.data(), static_cast<int64_t>(audio.size()));
  std::vector<std::vector<int32_t>> frames(codes.num_frames, std::vector<int32_t>(codes.num_codebooks));
  for (int64_t f = 0; f < codes.num_frames; ++f)
    for (int64_t k = 0; k < codes.num_codebooks; ++k) frames[f][k] = codes.at(k, f);
  return frames;
}

}  // namespace csm
