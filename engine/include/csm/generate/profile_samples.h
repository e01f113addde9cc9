// Samples of a voice profile, spoken by its own model with its inference defaults and context
// clips, stored in the profile (samples/). Used by `csm voice sample`, the GUI and, after each
// training run, for the standard sentences every profile says.
//
//   csm::ProfileLibrary lib(csm::default_library_path());
//   csm::generate_profile_samples(lib, 5, {"Hello there."}, {});          // one sample
//   csm::generate_profile_samples(lib, 5, csm::standard_sample_sentences(), {}, true);
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "csm/profiles/profile_library.h"

namespace csm {

struct ProfileSampleOptions {
  std::string device = "cpu";
  std::string dtype = "float32";
  std::string tokenizer;  // empty: tokenizer.json beside the profile's model
  uint64_t seed = 0;
};

struct ProfileSampleResult {
  VoiceSample sample;          // as stored in the profile
  std::vector<float> audio;    // 24 kHz mono, watermarked
};

// Loads the profile's model once and speaks each text; throws csm::InputError for an unknown or
// broken profile, a missing model or tokenizer, unreadable context clips.
std::vector<ProfileSampleResult> generate_profile_samples(ProfileLibrary& library, int speaker_id,
                                                          const std::vector<std::string>& texts,
                                                          const ProfileSampleOptions& options, bool standard = false);

}  // namespace csm
