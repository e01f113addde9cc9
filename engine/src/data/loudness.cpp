// DC removal and EBU R128 normalization. One gain per file: target minus measured integrated
// loudness, lowered where needed so the true peak (4x oversampled, libebur128) stays under the
// ceiling. Gain is linear, so the measured true peak scales exactly with it; no second pass.
#include "csm/data/loudness.h"

#include <ebur128.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace csm::data {

void remove_dc(std::vector<float>& samples, int sample_rate) {
  if (samples.empty()) return;
  double mean = 0.0;
  for (float s : samples) mean += s;
  mean /= double(samples.size());
  // One-pole DC blocker, y[n] = x[n] - x[n-1] + r*y[n-1], r for a 20 Hz corner: far below speech.
  const double r = std::exp(-2.0 * M_PI * 20.0 / sample_rate);
  double prev_x = 0.0, prev_y = 0.0;
  for (float& s : samples) {
    const double x = double(s) - mean;
    const double y = x - prev_x + r * prev_y;
    prev_x = x;
    prev_y = y;
    s = static_cast<float>(y);
  }
}

LoudnessResult normalize_loudness(std::vector<float>& samples, int sample_rate, const LoudnessParams& params) {
  LoudnessResult res;
  res.input_lufs = -200.0;
  res.input_true_peak_dbtp = -200.0;
  if (samples.empty()) return res;
  auto meter = [&](int mode) {
    std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> st(
        ebur128_init(1, static_cast<unsigned long>(sample_rate), mode), [](ebur128_state* s) { ebur128_destroy(&s); });
    if (!st) throw std::runtime_error("libebur128: cannot initialise the loudness meter");
    if (ebur128_add_frames_float(st.get(), samples.data(), samples.size()) != EBUR128_SUCCESS)
      throw std::runtime_error("libebur128: loudness measurement failed");
    return st;
  };
  double lufs = 0.0, peak = 0.0;
  {
    auto st = meter(EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK);
    ebur128_loudness_global(st.get(), &lufs);
    ebur128_sample_peak(st.get(), 0, &peak);
  }
  if (!std::isfinite(lufs) || peak <= 0.0) return res;  // silence: nothing to normalize
  res.input_lufs = lufs;
  double gain_db = params.target_lufs - lufs;
  // The 4x oversampled true peak costs 4x the rest of the measurement. Inter-sample peaks of real
  // audio stay within a few dB of the sample peak, so it is only measured when the sample peak
  // after the gain comes within 6 dB of the ceiling; otherwise the sample peak stands in for it.
  double tp_db = 20.0 * std::log10(peak);
  if (tp_db + gain_db > params.true_peak_ceiling_dbtp - 6.0) {
    auto st = meter(EBUR128_MODE_TRUE_PEAK);
    double tp = 0.0;
    ebur128_true_peak(st.get(), 0, &tp);
    tp_db = 20.0 * std::log10(std::max(tp, peak));
  }
  res.input_true_peak_dbtp = tp_db;
  const double peak_room_db = params.true_peak_ceiling_dbtp - tp_db;
  if (gain_db > peak_room_db) {
    gain_db = peak_room_db;
    res.peak_limited = true;
  }
  res.gain_db = gain_db;
  const float g = static_cast<float>(std::pow(10.0, gain_db / 20.0));
  for (float& s : samples) s *= g;
  return res;
}

}  // namespace csm::data
