// Processing of one source utterance (engine-internal): audio checks, cleanup, word times and
// chunking, with every problem found recorded rather than thrown. Used by dataset_import.cpp from
// several threads at once; each thread passes its own recognizer slot.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "csm/data/dataset_import.h"
#include "csm/data/segmenter.h"
#include "csm/data/speech_recognizer.h"
#include "csm/data/transcript_sources.h"

namespace csm::data {

struct ProcessedUtterance {
  SourceUtterance source;
  std::vector<Problem> problems;  // all problems, the source's own included
  bool accepted = false;
  bool readable = false;
  double raw_seconds = 0.0;       // the clip as read, before trimming
  double seconds = 0.0;           // processed (trimmed) duration
  std::vector<int16_t> pcm;       // processed audio at options.sample_rate (empty when rejected)
  uint64_t audio_hash = 0;        // of the decoded clip, for duplicate detection
  std::vector<Chunk> chunks;
  bool auto_aligned = false;
};

// `recognizer`: lazily created here on first need (one per thread).
ProcessedUtterance process_utterance(const SourceUtterance& source, const ImportOptions& options,
                                     std::unique_ptr<SpeechRecognizer>& recognizer);

}  // namespace csm::data
