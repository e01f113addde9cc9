// The voice profile library: a folder with one sub-folder per profile, shared by the GUI and the
// CLI, possibly at the same time.
//
//   csm::ProfileLibrary lib(csm::default_library_path());   // $CSM_LIBRARY or XDG data dir
//   for (const auto& e : lib.list())
//     std::cout << e.speaker_id << " " << (e.ok() ? e.profile->name : "BROKEN: " + e.problem) << "\n";
//   csm::VoiceProfile p;  p.speaker_id = 3;  p.name = "John";  p.own_voice = true;
//   p.model_path = "/models/john";
//   lib.create(p);
//   lib.update(3, [](csm::VoiceProfile& v) { v.inference.temperature = 0.7; });
//   lib.remove(3);                       // moves it to the trash
//   lib.restore(3);                      // and back
//   lib.export_profile(3, "john.csmvoice");
//
// Layout:
//   <library>/.lock                    flock(2)ed by every writer, so writers never interleave
//   <library>/<id>/profile.json        see voice_profile.h; the folder name is the speaker id
//   <library>/<id>/samples/            generated samples (VoiceSample::file)
//   <library>/<id>/reference/          context clips
//   <library>/<id>/consent/            recorded consent clip
//   <library>/<id>/model/              the checkpoint, when copied in (import); otherwise
//                                      model_path links to it where it lies
//   <library>/.trash/<id>-<time>-<rnd>/ deleted profiles, restorable
//   <library>/.staging/<pid>-<rnd>/    profiles being assembled (create, import, restore with
//                                      --replace); moved into place with one rename(2)
//
// Safety: each file is written atomically (csm/atomic_file.h); a profile folder appears or leaves
// with one rename, so a reader (which never locks) sees a whole profile or none. A process killed
// mid-write leaves at worst an orphan sample file or a stale staging folder, removed by the next
// writer. A profile.json that cannot be read marks only that profile broken (ProfileEntry::problem);
// older schema versions migrate in memory and are written in the current one on the next change.
//
// Errors: csm::InputError for bad requests (unknown id, duplicate id, invalid fields, missing
// consent, not a CSM checkpoint), csm::WriteError for failed writes and for a lock held too long.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "csm/profiles/voice_profile.h"

namespace csm {

// $CSM_LIBRARY when set, else $XDG_DATA_HOME/csm-studio/voices, else
// ~/.local/share/csm-studio/voices.
std::string default_library_path();

// One profile folder as read from disk. A broken one (unreadable or invalid profile.json) keeps its
// reason so it can be shown, fixed or deleted while all others still load.
struct ProfileEntry {
  int speaker_id = 0;                    // from the folder name
  std::string folder;                    // <library>/<id>
  std::optional<VoiceProfile> profile;   // empty when broken
  std::string problem;                   // "<folder>/profile.json: <why>" when broken
  int stored_schema_version = kProfileSchemaVersion;  // before migration
  bool ok() const { return profile.has_value(); }
};

// A JSON array for `csm voice list --json`: each ok entry is its profile.json object plus
// "folder" and "status": "ok"; a broken one is {"speaker_id", "folder", "status": "broken", "problem"}.
std::string entries_to_json(const std::vector<ProfileEntry>& entries);

struct TrashEntry {
  int speaker_id = 0;
  std::string folder;      // <library>/.trash/<id>-<time>-<rnd>
  std::string deleted_at;  // ISO 8601 UTC, from the folder name
  std::string name;        // the profile's name, when its profile.json reads
};

// What a finished training run reports (the trainer calls ProfileLibrary::record_training_run).
struct TrainingRunRecord {
  int speaker_id = 0;
  std::string checkpoint_path;  // the trained model (folder or ckpt.pt); must be a CSM checkpoint
  std::string base_model_path;  // the model it started from; hashed into base_model_hash if given
  TrainingDetails details;
  // Used only when the profile does not exist yet (a new profile is created from these):
  VoiceProfile new_profile;     // name, description, gender, ..., kind, own_voice, consent
};

struct CreateOptions {
  std::string consent_audio;    // a recorded consent clip to copy into consent/ (sets consent->audio_file)
  bool check_model = true;      // model_path must be a CSM checkpoint (tests and imports may skip)
};

class ProfileLibrary {
 public:
  explicit ProfileLibrary(std::string root);  // creates nothing until the first write

  const std::string& root() const { return root_; }
  std::string folder_of(int speaker_id) const;  // <library>/<id>, whether or not it exists
  // Absolute path of a profile-relative path (samples, clips, relative model_path).
  std::string resolve(int speaker_id, const std::string& path) const;

  // How long writers wait for another process's lock before csm::WriteError (default 30 s).
  void set_lock_timeout(std::chrono::milliseconds timeout) { lock_timeout_ = timeout; }

  // --- reading (no lock; never sees half-written files) ---
  std::vector<ProfileEntry> list() const;   // sorted by id; broken ones included
  std::optional<ProfileEntry> find(int speaker_id) const;
  VoiceProfile get(int speaker_id) const;   // csm::InputError when absent or broken
  std::vector<TrashEntry> trash() const;    // newest first

  // --- writing (each takes the library lock) ---
  // Validates (fields, duplicate id, model, consent) and stores a new profile; sets created_at.
  VoiceProfile create(VoiceProfile profile, const CreateOptions& options = {});
  // Read-modify-write under the lock, so concurrent updates are never lost (keep `edit` quick: other
  // writers wait for it). The edited profile is
  // validated; a changed model_path is checked and re-hashed; changing kind/own_voice/consent
  // re-checks consent. The speaker id cannot change here.
  VoiceProfile update(int speaker_id, const std::function<void(VoiceProfile&)>& edit);
  // Copies `source` into the profile folder under `subfolder` (atomically) and returns the
  // profile-relative path; use with update() to reference it (consent clips, context clips).
  std::string add_file(int speaker_id, const std::string& source, const std::string& subfolder);
  // Stores a generated sample (copied into samples/) with its text; returns its record.
  VoiceSample add_sample(int speaker_id, const std::string& audio_file, const std::string& text,
                         bool standard = false);
  // Adds a 1..5 rating to the sample whose `file` matches.
  void rate_sample(int speaker_id, const std::string& sample_file, int score, const std::string& rater = "",
                   const std::string& note = "");
  // Moves the profile to the trash; returns the trash folder.
  std::string remove(int speaker_id);
  // Brings back the most recently deleted profile with this id; csm::InputError if the id is in use
  // or nothing with this id is in the trash. Returns the restored entry (which may be broken).
  ProfileEntry restore(int speaker_id);

  // Trainer API: creates the profile (from record.new_profile) or updates the existing one with the
  // run's training details, checkpoint path and hashes, keeping everything else. Before training,
  // the trainer checks csm::consent_problem() on the profile it will create or update; standard
  // samples (standard_sample_sentences()) then go in with add_sample(..., standard = true).
  VoiceProfile record_training_run(const TrainingRunRecord& record);

  // --- archives ---
  // Format (".csmvoice"): a POSIX ustar tar file, readable with `tar xf`, holding
  //   csm-voice-profile.json   first: {"format": "csm-voice-profile", "format_version": 1,
  //                            "speaker_id", "name", "exported_at", "model_path", "model_hash"}
  //   profile/...              the profile folder (profile.json, samples/, consent/, ...)
  //   profile/model/...        the model's files when the model lies outside the profile folder
  //                            (profile.json inside the archive then says model_path "model")
  //   SHA256SUMS               last: "<sha256>  <name>" for every file above (sha256sum -c format)
  // Only regular files and folders; names are relative and never contain "..".
  // One tar file with the profile folder and the model's files; returns the number of bytes written.
  uint64_t export_profile(int speaker_id, const std::string& archive_path) const;
  // Validates the archive (format, checksums, profile, model) and adds the profile, as `new_id`
  // when given. An existing id is an error unless `replace`, which moves the old one to the trash.
  VoiceProfile import_profile(const std::string& archive_path, bool replace = false,
                              std::optional<int> new_id = std::nullopt);

 private:
  class Lock;
  std::string root_;
  std::chrono::milliseconds lock_timeout_{30000};
};

}  // namespace csm
