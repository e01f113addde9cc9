// MimiFrameEncoder: MimiCodec as the data pipeline's AudioFrameEncoder (see the header).
#include "csm/codec/mimi_frame_encoder.h"

#include "csm/profiles/model_identity.h"

namespace csm {

MimiFrameEncoder::MimiFrameEncoder(const std::string& path, const CodecOptions& options)
    : codec_(MimiCodec::load(path, options)) {
  identity_ = "mimi:" + std::to_string(codec_.num_codebooks()) + ":" + model_identity(path);
}

std::vector<std::vector<int32_t>> MimiFrameEncoder::encode(const std::vector<float>& audio) {
  return codec_.encode(audio.data(), static_cast<int64_t>(audio.size())).frames();
}

}  // namespace csm
