// Voice profiles: what the library keeps about one voice (seed section 6), as plain value types,
// plus their profile.json form (schema version 2; versions 0 and 1 migrate on read).
//
//   csm::VoiceProfile p;
//   p.speaker_id = 3;
//   p.name = "John";
//   p.description = "Professional male voice";
//   p.age_range = "30-40";
//   p.model_path = "/models/john";
//   csm::validate_profile(p, "john");                 // throws csm::InputError listing what is wrong
//   std::string text = csm::profile_to_json(p);       // profile.json content
//   csm::VoiceProfile back = csm::profile_from_json(text, "profile.json");
//
// Constraints: torch-free and Qt-free. Paths inside a profile (samples, clips, consent audio and a
// relative model_path) are relative to the profile's folder, so a library can be moved or exported.
// Top-level fields this version does not know are kept in `extra_json` and written back unchanged,
// so an older CSM Studio never strips what a newer one stored.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace csm {

inline constexpr int kProfileSchemaVersion = 2;

// Profile kinds follow the seed's fine-tuning stages; "voice-adaptation" clones a person's voice and
// therefore needs that person's consent unless it is the user's own voice.
inline constexpr const char* kKindVoiceAdaptation = "voice-adaptation";
inline constexpr const char* kKindStyleTuning = "style-tuning";
inline constexpr const char* kKindDomainSpecialization = "domain-specialization";
inline constexpr const char* kKindBase = "base";  // a stock speaker of an unmodified model

// Who agreed to have their voice cloned, when and how.
struct ConsentRecord {
  std::string person;      // the person whose voice it is
  std::string given_at;    // ISO 8601 UTC, e.g. "2025-01-31T12:00:00Z"
  std::string method;      // "written statement" or "recorded statement"
  std::string statement;   // the text they agreed to (or read aloud)
  std::string audio_file;  // recorded consent clip, relative to the profile folder; empty when none
};

struct TrainingDetails {
  std::string recipe;  // "voice-adaptation", "style-tuning", "domain-specialization", "lora", ...
  // Hyperparameters as JSON literals, kept verbatim: {"learning_rate": "2e-05",
  // "freeze_backbone": "true", "optimizer": "\"adamw\""}. A value that is not valid JSON is stored
  // as a JSON string.
  std::map<std::string, std::string> hyperparameters;
  double data_minutes = 0;
  int epochs = 0;
  std::optional<double> final_loss;
  std::optional<double> best_loss;
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // ISO 8601 UTC
  std::string run_folder;   // where the trainer wrote its run (logs, checkpoints)
  bool empty() const { return recipe.empty() && started_at.empty() && finished_at.empty() && epochs == 0; }
};

// A reference clip given to the generator as context (a transcript plus its audio).
struct ContextClip {
  std::string file;     // relative to the profile folder
  std::string text;     // what is said in it
  int speaker_id = -1;  // -1: the profile's own speaker id
};

struct InferenceDefaults {
  double temperature = 0.9;
  int topk = 50;
  int max_audio_length_ms = 10000;
  std::vector<ContextClip> context_clips;
};

struct SampleRating {
  int score = 0;  // 1 (bad) .. 5 (excellent)
  std::string rater;
  std::string rated_at;  // ISO 8601 UTC
  std::string note;
};

struct VoiceSample {
  std::string file;  // relative to the profile folder, e.g. "samples/20250131T120000Z-1.wav"
  std::string text;
  std::string created_at;  // ISO 8601 UTC
  bool standard = false;   // one of the trainer's fixed sentences (comparable across profiles)
  std::vector<SampleRating> ratings;
  double average_rating() const;  // 0 when unrated
};

struct VoiceProfile {
  int speaker_id = 0;  // CSM's numeric speaker id ("[3]Hello"); unique in a library
  std::string name;
  std::string description;
  std::string gender;     // free text ("male", "female", "non-binary", ...); may be empty
  std::string age_range;  // "30-40"; may be empty
  std::string accent;
  std::string language = "en";
  std::string style;  // style name ("excited", "newsreader"); empty for a plain voice
  std::string kind = kKindVoiceAdaptation;
  bool own_voice = false;  // the user cloned their own voice (no consent record needed)

  std::string model_path;       // checkpoint folder or file; absolute, or relative to the profile folder
  std::string model_hash;       // csm::model_identity() of model_path when it was stored
  std::string base_model_hash;  // csm::model_identity() of the base model it was fine-tuned from

  TrainingDetails training;
  InferenceDefaults inference;
  std::vector<VoiceSample> samples;
  std::optional<ConsentRecord> consent;

  std::string created_at;  // ISO 8601 UTC
  std::string updated_at;
  std::string extra_json;  // unknown top-level fields (a JSON object), written back unchanged
};

// profile.json text (schema kProfileSchemaVersion, 2-space indent, trailing newline).
std::string profile_to_json(const VoiceProfile& profile);

// Parses profile.json text of any known schema version, migrating older ones. `source` names the
// file in error messages. Throws csm::InputError("<source>: <what>") for invalid JSON, missing or
// ill-typed fields, or a schema newer than this build reads. `stored_version`, when given, receives
// the version found in the file (0 for the unversioned first layout).
VoiceProfile profile_from_json(const std::string& text, const std::string& source, int* stored_version = nullptr);

// Checks what a stored profile must satisfy: id range, a name, an age range like "30-40", sane
// inference defaults, ratings 1..5, relative paths that stay inside the profile folder. Does not
// look at the model or at consent (see below). Throws csm::InputError("<source>: <all problems>").
void validate_profile(const VoiceProfile& profile, const std::string& source);

// Empty when the profile may be trained or used as a clone; otherwise the reason and the fix.
// A voice-adaptation profile of someone else's voice needs a consent record with a person and a
// statement (a recorded clip is optional).
std::string consent_problem(const VoiceProfile& profile);

// True for "30-40" style ranges (two whole numbers, low <= high <= 130).
bool is_valid_age_range(const std::string& text);

// The fixed sentences every profile's standard samples say (VoiceSample::standard), so voices can
// be compared with each other and across training runs. Generated after each training run.
const std::vector<std::string>& standard_sample_sentences();

// Current time as ISO 8601 UTC ("2025-01-31T12:00:00Z").
std::string utc_timestamp();

}  // namespace csm
