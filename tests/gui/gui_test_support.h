#pragma once
// Shared helpers of the GUI suites: a throw-away voice library with profiles on the tiny model.
#include <QString>

#include <optional>
#include <string>

#include "csm/profiles/profile_library.h"

namespace guitest {

inline const QString kTinyModel = QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm");
inline const QString kTokenizerFolder = QStringLiteral(CSM_FIXTURES_DIR "/tokenizer");

// Creates profile `id` on the tiny model (own voice, so no consent is needed).
inline csm::VoiceProfile addVoice(const QString &library, int id, const std::string &name, const std::string &gender = "female",
                                  const std::string &age = "30-40", std::optional<double> bestLoss = std::nullopt)
{
    csm::ProfileLibrary lib(library.toStdString());
    csm::VoiceProfile p;
    p.speaker_id = id;
    p.name = name;
    p.description = "Test voice " + name;
    p.gender = gender;
    p.age_range = age;
    p.accent = "neutral";
    p.own_voice = true;
    p.model_path = kTinyModel.toStdString();
    p.inference.max_audio_length_ms = 800;  // 10 frames keep tests quick
    if (bestLoss) {
        p.training.recipe = "voice-adaptation";
        p.training.epochs = 3;
        p.training.best_loss = bestLoss;
        p.training.finished_at = "2025-01-31T12:00:00Z";
    }
    return lib.create(p);
}

} // namespace guitest
