// Signal checks for the dataset doctor, measured on the file as read (before any gain): level,
// clipping (share of samples at full scale), a noise-floor-based SNR estimate and how much of the
// file is sound. The thresholds that turn these numbers into warnings or rejections live in
// DoctorThresholds (dataset_import.h).
#pragma once
#include <vector>

namespace csm::data {

struct AudioQuality {
  double duration_seconds = 0.0;
  double peak_dbfs = -120.0;
  double clipped_share = 0.0;  // samples with |x| >= 0.999
  double snr_db = 0.0;         // speech level (95th pct frame) minus noise floor (10th pct frame)
  double speech_level_db = -120.0;
  double noise_floor_db = -120.0;
};

AudioQuality measure_quality(const std::vector<float>& samples, int sample_rate);

}  // namespace csm::data
