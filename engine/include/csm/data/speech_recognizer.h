// English word recognizer for automatic alignment, built on Debian's pocketsphinx (library, not a
// subprocess) with the `pocketsphinx-en-us` acoustic model, language model and dictionary. It
// recognizes human speech reasonably (synthetic espeak-ng speech poorly); its words only serve to
// time the transcript (aligner.h), never as text.
//
// Models are looked up in $CSM_POCKETSPHINX_MODEL_DIR, else /usr/share/pocketsphinx/model/en-us.
// One recognizer per thread: a pocketsphinx decoder is not thread-safe.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "csm/data/words.h"

namespace csm::data {

class SpeechRecognizer {
 public:
  // Empty when recognition can be used; otherwise why not and how to fix it (install packages).
  static std::string unavailable_reason();
  // Throws csm::InputError with unavailable_reason() when the models are missing.
  SpeechRecognizer();
  ~SpeechRecognizer();
  SpeechRecognizer(const SpeechRecognizer&) = delete;
  SpeechRecognizer& operator=(const SpeechRecognizer&) = delete;

  // `samples`: mono audio at any rate (resampled to 16 kHz inside). Words with times in seconds.
  std::vector<Word> recognize(const std::vector<float>& samples, int sample_rate);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace csm::data
