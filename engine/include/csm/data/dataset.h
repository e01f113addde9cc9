// A prepared dataset as the trainer sees it: segments (audio span + exact text + speaker + split)
// and training examples (a target segment with up to N context segments of the same conversation;
// the loss applies to the target only). Stored in a dataset folder:
//
//   dataset.json      format version, processing parameters, speakers, counts
//   segments.jsonl    one Segment per line
//   examples.jsonl    one Example per line
//   report.json       the dataset doctor's report (dataset_report.h)
//   audio/<id>.wav    processed utterances: 24 kHz mono 16-bit, normalized, trimmed
//   token-cache/      codec tokens per segment (token_cache.h), unless --cache points elsewhere
//
//   csm::data::Dataset d = csm::data::read_dataset("my-voice-dataset");
#pragma once
#include <string>
#include <vector>

#include "csm/data/words.h"

namespace csm::data {

struct Segment {
  std::string id;            // "<utterance>" or "<utterance>_c003"
  std::string utterance;     // source utterance id
  std::string source_file;   // original recording
  std::string audio;         // processed file, relative to the dataset folder
  double start = 0.0;        // seconds in `audio`
  double end = 0.0;
  std::string text;
  std::string speaker;
  std::vector<Word> words;   // relative to `start`; empty when no alignment is known
  bool auto_aligned = false; // word times derived by the recognizer, not given by the user
  std::string conversation;  // empty for single utterances
  int turn = -1;
  int chunk = 0;             // index of this chunk in its utterance
  int chunks = 1;
  std::string split;         // "train" or "validation"
  std::string tokens;        // token cache key, empty when not tokenized
  double duration() const { return end - start; }
};

struct Example {
  std::string id;
  std::string target;                // segment id
  std::vector<std::string> context;  // segment ids, oldest first
  std::string split;
};

struct Dataset {
  std::string dir;
  int sample_rate = 24000;
  std::vector<Segment> segments;
  std::vector<Example> examples;
};

// Throws csm::InputError naming the file when the folder is not a dataset or a line is damaged.
Dataset read_dataset(const std::string& dir);

}  // namespace csm::data
