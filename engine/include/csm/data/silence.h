// Frame energy analysis: where the speech is, where the pauses are. Levels are RMS in dBFS over
// 10 ms frames; the speech/silence threshold adapts to each file (between its noise floor and its
// speech level), so a quiet room and a noisy one are both handled without a fixed gate.
#pragma once
#include <cstddef>
#include <vector>

namespace csm::data {

struct EnergyProfile {
  int sample_rate = 0;
  int frame_samples = 0;            // 10 ms
  std::vector<float> db;            // per frame, RMS dBFS, floored at -120
  double noise_floor_db = -120.0;   // 10th percentile
  double speech_level_db = -120.0;  // 95th percentile
  double threshold_db = -120.0;     // frames above it count as sound
  double frame_seconds() const { return double(frame_samples) / sample_rate; }
};

EnergyProfile analyze_energy(const std::vector<float>& samples, int sample_rate);

struct Pause {
  double start = 0.0;  // seconds
  double end = 0.0;
  double mid() const { return 0.5 * (start + end); }
  double length() const { return end - start; }
};

// Runs of quiet frames at least `min_pause_seconds` long (leading/trailing silence included).
std::vector<Pause> find_pauses(const EnergyProfile& e, double min_pause_seconds = 0.15);

// Sample range [begin, end) that keeps the sound plus `margin_seconds` on each side; the whole
// range when nothing rises above the threshold.
struct SampleRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};
SampleRange find_trim_range(const EnergyProfile& e, std::size_t num_samples, double margin_seconds = 0.1);

}  // namespace csm::data
