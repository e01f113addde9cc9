// TextGrid and JSON word-list readers. The TextGrid reader tokenizes both Praat text forms into
// the same stream (quoted strings, numbers, <exists>; labels such as `xmin =` and `item [1]:` are
// skipped), then reads tiers from that stream, so one parser covers the long and the short form.
#include "csm/data/word_alignment_files.h"

#include <cctype>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/errors.h"

namespace csm::data {
namespace {

struct Token {
  enum Kind { String, Number, Flag } kind;
  std::string text;
  double number = 0.0;
};

std::vector<Token> tokenize_textgrid(const std::string& s, const std::string& path) {
  std::vector<Token> out;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const char c = s[i];
    if (c == '"') {
      std::string str;
      ++i;
      for (;;) {
        if (i >= n) throw InputError(path + ": unterminated string in TextGrid; re-export it from Praat or the aligner");
        if (s[i] == '"') {
          if (i + 1 < n && s[i + 1] == '"') {
            str.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        str.push_back(s[i++]);
      }
      out.push_back({Token::String, std::move(str)});
    } else if (c == '[') {  // "item [1]:" / "intervals [3]:" — an index, not data
      while (i < n && s[i] != ']') ++i;
      ++i;
    } else if (c == '<') {
      size_t j = s.find('>', i);
      if (j == std::string::npos) j = n - 1;
      out.push_back({Token::Flag, s.substr(i, j - i + 1)});
      i = j + 1;
    } else if (c == '!') {  // comment to end of line (short form)
      while (i < n && s[i] != '\n') ++i;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
      char* end = nullptr;
      const double v = std::strtod(s.c_str() + i, &end);
      const size_t used = static_cast<size_t>(end - (s.c_str() + i));
      if (used == 0) {
        ++i;
        continue;
      }
      out.push_back({Token::Number, "", v});
      i += used;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      while (i < n && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '?')) ++i;
    } else {
      ++i;
    }
  }
  return out;
}

bool is_silence_label(const std::string& t) {
  return t.empty() || t == "sil" || t == "sp" || t == "spn" || t == "<eps>" || t == "<sil>" || t == "SIL";
}

}  // namespace

std::vector<Word> read_textgrid_words(const std::string& path) {
  std::string s = read_file(path);
  if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF')))
    throw InputError(path + ": TextGrid is UTF-16; save it as UTF-8 (Praat: Preferences > Text writing) and import again");
  if (!is_valid_utf8(s)) throw InputError(path + ": TextGrid is not valid UTF-8; save it as UTF-8");
  const std::vector<Token> t = tokenize_textgrid(s, path);
  size_t p = 0;
  auto bad = [&](const std::string& what) {
    return InputError(path + ": not a readable TextGrid (" + what + "); re-export it from Praat or the aligner");
  };
  auto num = [&]() {
    if (p >= t.size() || t[p].kind != Token::Number) throw bad("expected a number");
    return t[p++].number;
  };
  auto str = [&]() {
    if (p >= t.size() || t[p].kind != Token::String) throw bad("expected a quoted string");
    return t[p++].text;
  };
  if (str() != "ooTextFile") throw bad("missing 'File type = \"ooTextFile\"'");
  if (str() != "TextGrid") throw bad("object class is not TextGrid");
  num();
  num();
  if (p < t.size() && t[p].kind == Token::Flag) ++p;  // <exists>
  const int tiers = static_cast<int>(num());
  std::vector<Word> first_interval_tier;
  bool have_first = false;
  for (int k = 0; k < tiers; ++k) {
    const std::string cls = str();
    const std::string name = str();
    num();
    num();
    const int count = static_cast<int>(num());
    if (count < 0) throw bad("negative interval count");
    std::vector<Word> words;
    for (int i = 0; i < count; ++i) {
      if (cls == "IntervalTier") {
        const double a = num(), b = num();
        const std::string label = str();
        if (!is_silence_label(clean_text(label))) words.push_back({clean_text(label), a, b});
      } else {  // TextTier: time + mark
        num();
        str();
      }
    }
    if (cls != "IntervalTier") continue;
    std::string lower;
    for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "words" || lower == "word") return words;
    if (!have_first) {
      first_interval_tier = std::move(words);
      have_first = true;
    }
  }
  if (!have_first) throw bad("no interval tier");
  return first_interval_tier;
}

std::vector<Word> parse_json_words(const std::string& json_text, const std::string& source) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const std::exception& e) {
    throw InputError(source + ": word list is not valid JSON (" + e.what() + ")");
  }
  if (j.is_object() && j.contains("words")) j = j["words"];
  if (!j.is_array())
    throw InputError(source + ": a word list must be [{\"word\": ..., \"start\": s, \"end\": s}, ...] or {\"words\": [...]}");
  std::vector<Word> out;
  for (size_t i = 0; i < j.size(); ++i) {
    const auto& w = j[i];
    const char* key = w.contains("word") ? "word" : "text";
    if (!w.is_object() || !w.contains(key) || !w[key].is_string() || !w.contains("start") || !w.contains("end") ||
        !w["start"].is_number() || !w["end"].is_number())
      throw InputError(source + ": word " + std::to_string(i + 1) +
                       " needs \"word\" (text), \"start\" and \"end\" (seconds)");
    Word word{clean_text(w[key].get<std::string>()), w["start"].get<double>(), w["end"].get<double>()};
    if (word.end < word.start)
      throw InputError(source + ": word " + std::to_string(i + 1) + " (\"" + word.text + "\") ends before it starts");
    if (!is_silence_label(word.text)) out.push_back(std::move(word));
  }
  return out;
}

std::vector<Word> read_json_words(const std::string& path) { return parse_json_words(read_file(path), path); }

}  // namespace csm::data
