// Transcript-to-recognition alignment: gives every transcript word a time by aligning it with the
// words a recognizer heard (Levenshtein alignment over normalized words). Matched words take the
// recognized times; substituted ones too, but are not trusted as cut points; words the recognizer
// missed get times interpolated between their neighbours. The transcript text is never changed:
// only times are derived, so a chunk's text is always the user's own words.
#pragma once
#include <string>
#include <vector>

#include "csm/data/words.h"

namespace csm::data {

struct TranscriptAlignment {
  std::vector<Word> words;       // the transcript words, with times
  std::vector<bool> anchored;    // per word: recognized exactly (a safe place to cut next to)
  int matched = 0;               // transcript words recognized exactly
  double match_rate = 0.0;       // matched / transcript words
};

// `transcript`: the user's text; `recognized`: words with times from a recognizer;
// `duration`: audio length in seconds (bounds the interpolation).
TranscriptAlignment align_transcript(const std::string& transcript, const std::vector<Word>& recognized, double duration);

}  // namespace csm::data
