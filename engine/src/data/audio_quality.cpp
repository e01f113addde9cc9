// The doctor's signal measurements, on the audio as read: peak, share of full-scale samples,
// and an SNR estimate from the frame-energy percentiles (silence.h).
#include "csm/data/audio_quality.h"

#include <cmath>

#include "csm/data/silence.h"

namespace csm::data {

AudioQuality measure_quality(const std::vector<float>& samples, int sample_rate) {
  AudioQuality q;
  if (samples.empty() || sample_rate <= 0) return q;
  q.duration_seconds = double(samples.size()) / sample_rate;
  float peak = 0.0f;
  size_t clipped = 0;
  for (float s : samples) {
    const float a = std::fabs(s);
    peak = std::max(peak, a);
    clipped += a >= 0.999f;
  }
  q.peak_dbfs = peak > 0.0f ? 20.0 * std::log10(double(peak)) : -120.0;
  q.clipped_share = double(clipped) / double(samples.size());
  const EnergyProfile e = analyze_energy(samples, sample_rate);
  q.speech_level_db = e.speech_level_db;
  q.noise_floor_db = e.noise_floor_db;
  q.snr_db = e.speech_level_db - e.noise_floor_db;
  return q;
}

}  // namespace csm::data
