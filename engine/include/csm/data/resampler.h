// Sample-rate conversion with libsoxr (16-bit precision, linear phase). The pipeline resamples every
// file to the codec's 24 kHz; the recognizer wants 16 kHz.
#pragma once
#include <vector>

namespace csm::data {

// Returns `samples` converted from `rate_in` to `rate_out` Hz (a copy when they are equal).
std::vector<float> resample(const std::vector<float>& samples, int rate_in, int rate_out);

}  // namespace csm::data
