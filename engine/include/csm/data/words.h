// Words with times, and the small text helpers every transcript source shares: UTF-8 validation,
// whitespace cleanup, and the normalized word form used to compare a transcript with recognized
// words (lower case, letters/digits/apostrophes only).
#pragma once
#include <string>
#include <vector>

namespace csm::data {

struct Word {
  std::string text;    // as written in the transcript
  double start = 0.0;  // seconds from the start of the audio file
  double end = 0.0;
};

bool is_valid_utf8(const std::string& s);
// Collapses runs of whitespace (including newlines) to single spaces and trims both ends.
std::string clean_text(const std::string& s);
// Splits on whitespace.
std::vector<std::string> split_words(const std::string& text);
// "Hello," -> "hello"; "don't" -> "don't"; "—" -> "" (ASCII letters/digits folded; other UTF-8 kept).
std::string normalize_word(const std::string& word);

}  // namespace csm::data
