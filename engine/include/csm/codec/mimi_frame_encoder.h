// The Mimi codec behind the data pipeline's codec boundary (csm/data/frame_encoder.h), so dataset
// imports store real Mimi codes in the token cache.
//
//   csm::MimiFrameEncoder encoder("models/csm-1b");              // the model's codec_model.* weights
//   csm::data::import_dataset(options, &encoder, progress);
#pragma once
#include <string>
#include <vector>

#include "csm/codec/mimi_codec.h"
#include "csm/data/frame_encoder.h"

namespace csm {

class MimiFrameEncoder : public data::AudioFrameEncoder {
 public:
  // `path`: anything MimiCodec::load reads. The identity hashes the weights file(s) found there
  // (csm::model_identity), so another codec or another codebook count never shares cache entries.
  explicit MimiFrameEncoder(const std::string& path, const CodecOptions& options = {});

  std::vector<std::vector<int32_t>> encode(const std::vector<float>& audio_24k_mono) override;
  std::string identity() const override { return identity_; }
  int num_codebooks() const override { return static_cast<int>(codec_.num_codebooks()); }

 private:
  MimiCodec codec_;
  std::string identity_;
};

}  // namespace csm
