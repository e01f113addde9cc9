// Segmentation of one processed utterance into training chunks (~10 s, 2 s overlap by default).
// Rules: a recording no longer than max_seconds stays whole with its full transcript. A longer one
// is cut only between words (never inside one), preferring real pauses near the target length, and
// each chunk gets exactly the words inside it; without word times a long recording is not cut at
// all (the caller rejects it: a guessed text split would teach the model wrong words). No chunk is
// ever longer than max_seconds, which the caller derives from the model's context.
#pragma once
#include <string>
#include <vector>

#include "csm/data/silence.h"
#include "csm/data/words.h"

namespace csm::data {

struct SegmentParams {
  double chunk_seconds = 10.0;    // target length
  double overlap_seconds = 2.0;   // shared audio between neighbouring chunks
  double max_seconds = 15.0;      // hard limit
};

struct Chunk {
  double start = 0.0;  // seconds in the processed utterance
  double end = 0.0;
  std::string text;
  std::vector<Word> words;  // times relative to the chunk start
  double duration() const { return end - start; }
};

struct Segmentation {
  std::vector<Chunk> chunks;
  std::string error;  // why it could not be segmented (chunks empty)
};

// `words` (may be empty): word times in the processed utterance; `cut_ok[i]` (may be empty)
// says whether the gap after word i is trustworthy; `energy` (may be null) places each cut at the
// quietest frame of its gap.
Segmentation segment_utterance(double duration, const std::string& text, const std::vector<Word>& words,
                               const std::vector<bool>& cut_ok, const EnergyProfile* energy, const SegmentParams& params);

}  // namespace csm::data
