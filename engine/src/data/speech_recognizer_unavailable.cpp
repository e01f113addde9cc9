// SpeechRecognizer for builds without pocketsphinx (the headless GPU build): recognition is
// reported unavailable with the fix, and the aligner keeps long unaligned files out with that reason.
#include "csm/data/speech_recognizer.h"

#include "csm/errors.h"

namespace csm::data {

struct SpeechRecognizer::Impl {};

std::string SpeechRecognizer::unavailable_reason() {
  return "this build of CSM Studio has no speech recognizer; install libpocketsphinx-dev, libsphinxbase-dev and "
         "pocketsphinx-en-us and rebuild, or give word alignments (TextGrid / JSON) with the audio";
}

SpeechRecognizer::SpeechRecognizer() { throw InputError(unavailable_reason()); }
SpeechRecognizer::~SpeechRecognizer() = default;

std::vector<Word> SpeechRecognizer::recognize(const std::vector<float>&, int) { throw InputError(unavailable_reason()); }

}  // namespace csm::data
