// Level processing: DC removal and EBU R128 loudness normalization with a true-peak ceiling
// (libebur128). The gain is one number per file, so the dynamics inside a recording are kept.
#pragma once
#include <vector>

namespace csm::data {

struct LoudnessParams {
  double target_lufs = -23.0;       // integrated loudness target
  double true_peak_ceiling_dbtp = -1.0;  // the gain is lowered so the true peak stays below this
};

struct LoudnessResult {
  double input_lufs = 0.0;    // -inf (reported as -200) for silence
  double input_true_peak_dbtp = 0.0;  // true peak; the sample peak when that is 6+ dB under the ceiling
  double gain_db = 0.0;       // applied gain
  bool peak_limited = false;  // the ceiling, not the target, decided the gain
};

// Subtracts the mean, with a gentle high-pass (20 Hz, one pole) so slow drifts go too.
void remove_dc(std::vector<float>& samples, int sample_rate);

// Measures and scales `samples` in place. Silent input is left unchanged (gain 0 dB).
LoudnessResult normalize_loudness(std::vector<float>& samples, int sample_rate, const LoudnessParams& params);

}  // namespace csm::data
