// Frame energies, adaptive speech threshold, pauses and trimming. The threshold sits 40 % of the
// way from the noise floor to the speech level, but at least 6 dB over the floor and at most 50 dB
// under the speech level, so digital silence, room tone and noisy recordings all split sensibly.
#include "csm/data/silence.h"

#include <algorithm>
#include <cmath>

namespace csm::data {
namespace {

double percentile(std::vector<float> v, double p) {
  if (v.empty()) return -120.0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * double(v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

EnergyProfile analyze_energy(const std::vector<float>& samples, int sample_rate) {
  EnergyProfile e;
  e.sample_rate = sample_rate;
  e.frame_samples = std::max(1, sample_rate / 100);
  const size_t fs = static_cast<size_t>(e.frame_samples);
  const size_t frames = (samples.size() + fs - 1) / fs;
  e.db.resize(frames);
  for (size_t f = 0; f < frames; ++f) {
    const size_t b = f * fs, end = std::min(samples.size(), b + fs);
    double sum = 0.0;
    for (size_t i = b; i < end; ++i) sum += double(samples[i]) * samples[i];
    const double ms = sum / double(end - b);
    e.db[f] = static_cast<float>(ms > 1e-12 ? 10.0 * std::log10(ms) : -120.0);
  }
  e.noise_floor_db = percentile(e.db, 0.10);
  e.speech_level_db = percentile(e.db, 0.95);
  double t = e.noise_floor_db + 0.4 * (e.speech_level_db - e.noise_floor_db);
  t = std::max(t, e.noise_floor_db + 6.0);
  t = std::max(t, e.speech_level_db - 50.0);
  t = std::min(t, e.speech_level_db - 3.0);
  e.threshold_db = t;
  return e;
}

std::vector<Pause> find_pauses(const EnergyProfile& e, double min_pause_seconds) {
  std::vector<Pause> out;
  const double fsec = e.frame_seconds();
  size_t i = 0;
  while (i < e.db.size()) {
    if (e.db[i] >= e.threshold_db) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < e.db.size() && e.db[j] < e.threshold_db) ++j;
    if (double(j - i) * fsec >= min_pause_seconds) out.push_back({double(i) * fsec, double(j) * fsec});
    i = j;
  }
  return out;
}

SampleRange find_trim_range(const EnergyProfile& e, std::size_t num_samples, double margin_seconds) {
  SampleRange r{0, num_samples};
  size_t first = e.db.size(), last = 0;
  for (size_t f = 0; f < e.db.size(); ++f)
    if (e.db[f] >= e.threshold_db) {
      first = std::min(first, f);
      last = f;
    }
  if (first == e.db.size()) return r;  // nothing above the threshold: leave it to the silence check
  const auto margin = static_cast<std::ptrdiff_t>(margin_seconds * e.sample_rate);
  const auto fs = static_cast<std::ptrdiff_t>(e.frame_samples);
  const std::ptrdiff_t b = static_cast<std::ptrdiff_t>(first) * fs - margin;
  const std::ptrdiff_t en = static_cast<std::ptrdiff_t>(last + 1) * fs + margin;
  r.begin = static_cast<size_t>(std::max<std::ptrdiff_t>(0, b));
  r.end = static_cast<size_t>(std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(num_samples), en));
  return r;
}

}  // namespace csm::data
