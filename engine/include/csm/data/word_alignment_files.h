// Word alignment files written by forced aligners: Praat TextGrid (the Montreal Forced Aligner's
// output, long "ooTextFile" form and the short form; the tier named "words", else the first
// interval tier) and JSON word lists ([{"word"|"text", "start", "end"}] or {"words": [...]}).
// Empty intervals and silence markers ("", "sil", "sp", "<eps>") are skipped.
#pragma once
#include <string>
#include <vector>

#include "csm/data/words.h"

namespace csm::data {

// Both throw csm::InputError("<path>: ...") for malformed files.
std::vector<Word> read_textgrid_words(const std::string& path);
std::vector<Word> read_json_words(const std::string& path);
// Parses the JSON text of a word list; `source` names it in errors.
std::vector<Word> parse_json_words(const std::string& json_text, const std::string& source);

}  // namespace csm::data
