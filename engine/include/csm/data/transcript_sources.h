// Transcript sources: the ways a user can tell us which text goes with which audio. Each reader
// returns source utterances plus the problems it found (missing, empty or non-UTF-8 transcripts,
// bad manifest lines); an utterance with a text problem is still returned, carrying the problem,
// so the import can also check its audio and list everything wrong with a file at once.
//
//   SourceList s = read_audio_text_dirs("recordings/", "transcripts/");   // a.wav + a.txt
//   SourceList s = read_ljspeech_metadata("LJSpeech/metadata.csv");     // id|text[|normalized]
//   SourceList s = read_jsonl_manifest("manifest.jsonl");               // utterances or conversations
//
// Word alignments: a manifest line may carry `alignment` (a list of {word,start,end}); otherwise a
// Praat TextGrid or JSON word list next to the audio (word_alignment_files.h) is picked up.
#pragma once
#include <string>
#include <vector>

#include "csm/data/dataset_report.h"
#include "csm/data/words.h"

namespace csm::data {

struct SourceUtterance {
  std::string id;           // unique within the import, file-name safe
  std::string audio_path;
  std::string text;         // cleaned; empty when missing
  std::string text_source;  // where the text came from, for messages ("a.txt", "metadata.csv:12")
  std::string speaker;      // empty: the import's --speaker-id
  double start = -1.0;      // optional clip of the audio file, seconds; -1 = whole file
  double end = -1.0;
  std::vector<Word> words;  // times relative to the start of the audio FILE
  bool has_words = false;
  std::string alignment_source;
  std::string conversation;  // empty for single utterances
  int turn = -1;             // order inside the conversation
  std::vector<Problem> problems;  // text problems found while reading the source
  bool rejected() const;
};

struct SourceList {
  std::vector<SourceUtterance> utterances;
  std::vector<Problem> problems;  // problems not tied to one utterance (unreadable lines, orphan texts)
};

// Audio files in `audio_dir` (recursively; .wav .flac .ogg .oga .opus .mp3 .aiff .aif .au) paired by
// relative base name with `.txt` files in `transcript_dir` (may be the same folder).
SourceList read_audio_text_dirs(const std::string& audio_dir, const std::string& transcript_dir);
// LJSpeech `metadata.csv`: `id|text[|normalized text]`, audio in `audio_dir` (default: `wavs/`
// beside the csv) as `<id>.wav`. The normalized text is used when present.
SourceList read_ljspeech_metadata(const std::string& metadata_csv, const std::string& audio_dir = "");
// JSONL, one object per line, paths relative to the manifest's folder:
//   {"audio": "a.wav", "text": "...", "speaker": "anna", "start": 1.5, "end": 7.0,
//    "alignment": [{"word": "hello", "start": 1.6, "end": 1.9}, ...], "id": "optional"}
//   {"conversation": "c1", "turns": [{"speaker": "A", "text": "...", "audio": "t1.wav"}, ...]}
SourceList read_jsonl_manifest(const std::string& manifest);

// Looks for `<audio base>.TextGrid`, `<audio base>.words.json` or `<audio base>.json` beside the
// audio (and in `extra_dir` when given) for every utterance without words, and reads it. A broken
// alignment file becomes a problem on that utterance.
void attach_alignment_files(SourceList& sources, const std::string& extra_dir = "");

// Makes ids unique (a second "a" becomes "a-2") and file-name safe.
void make_ids_unique(SourceList& sources);

}  // namespace csm::data
