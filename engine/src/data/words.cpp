// Text helpers shared by the transcript sources and the aligner.
#include "csm/data/words.h"
#include <cstdint>

#include <cctype>

namespace csm::data {

bool is_valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string clean_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  size_t start = 0;
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // byte-order mark
  for (size_t i = start; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string normalize_word(const std::string& word) {
  std::string out;
  for (char ch : word) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      out.push_back(ch);  // non-ASCII letters are kept as they are
    } else if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '\'' && !out.empty()) {
      out.push_back(ch);
    }
  }
  while (!out.empty() && out.back() == '\'') out.pop_back();
  // Typographic punctuation that is not part of a word (dashes, quotes) ends up alone: drop it.
  if (out == "\xE2\x80\x94" || out == "\xE2\x80\x93" || out == "\xE2\x80\x9C" || out == "\xE2\x80\x9D" ||
      out == "\xE2\x80\x99" || out == "\xE2\x80\x98" || out == "\xE2\x80\xA6")
    return "";
  return out;
}

}  // namespace csm::data
