// The codec boundary of the data pipeline: anything that turns 24 kHz mono audio into Mimi-style
// frames of K codebook codes. The real Mimi codec implements it; tests use a deterministic fake.
// The data stage never depends on a particular codec, only on this interface.
//
//   std::vector<std::vector<int32_t>> frames = encoder.encode(samples_24k);  // [frames][codebooks]
//
// identity() must change whenever the codes could change (weights, codebook count, version): the
// token cache keys every entry with it, so a different codec never reads another codec's codes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace csm::data {

class AudioFrameEncoder {
 public:
  virtual ~AudioFrameEncoder() = default;
  // `audio_24k_mono`: samples in [-1, 1] at 24 kHz. Returns one vector of num_codebooks() codes per
  // 80 ms frame.
  virtual std::vector<std::vector<int32_t>> encode(const std::vector<float>& audio_24k_mono) = 0;
  // A stable string naming the codec and a hash of its weights (e.g. "mimi:<xxh64 of weights>").
  virtual std::string identity() const = 0;
  virtual int num_codebooks() const = 0;
};

}  // namespace csm::data
