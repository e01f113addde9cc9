// Byte-level BPE text tokenizer read from a Hugging Face tokenizer.json (see csm/text_tokenizer.h).
//
// Encoding follows the `tokenizers` library step by step, so that ids match it exactly:
//   1. added tokens are cut out of the raw text (leftmost match, longest first);
//   2. the text between them goes through the pre-tokenizer steps in order (regex Split, ByteLevel
//      byte→char mapping), giving pre-tokens;
//   3. each pre-token is looked up whole when `ignore_merges` is set, else merged by BPE
//      (lowest merge rank first, leftmost on ties, as tokenizers' word.rs does);
//   4. encode() wraps the ids in the post-processor's template (BOS/EOS).
// Every setting we cannot reproduce exactly (a normalizer, another model type, dropout, ...) is
// rejected at load time with csm::InputError naming the file and the field, rather than silently
// producing ids that differ from the reference. Encoding is const and thread-safe.
#include "csm/text_tokenizer.h"

#include "csm/errors.h"

#include <nlohmann/json.hpp>
#include <pcre2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace csm {
namespace {

using nlohmann::json;

constexpr size_t kValidUtf8 = std::string::npos;

// ---- UTF-8 ------------------------------------------------------------------------------------

// Byte length of the sequence a valid lead byte starts.
size_t utf8_sequence_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Offset of the first byte at or after `from` that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF included), or kValidUtf8.
size_t find_invalid_utf8(const std::string& s, size_t from = 0) {
  size_t i = from;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead < 0xC2 || lead > 0xF4) return i;
    const size_t length = utf8_sequence_length(lead);
    if (i + length > s.size()) return i;
    uint32_t code_point = lead & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    const uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return i;
    i += length;
  }
  return kValidUtf8;
}

void append_utf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

uint32_t decode_utf8_at(const std::string& s, size_t i, size_t length) {
  if (length == 1) return static_cast<unsigned char>(s[i]);
  uint32_t code_point = static_cast<unsigned char>(s[i]) & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) code_point = (code_point << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return code_point;
}

// Token bytes can split a character (decoding a prefix of the ids), so the result is made valid
// the way Rust's String::from_utf8_lossy (used by tokenizers) does: U+FFFD per broken sequence.
std::string replace_invalid_utf8(const std::string& bytes) {
  std::string out;
  size_t start = 0;
  for (size_t bad = find_invalid_utf8(bytes); bad != kValidUtf8; bad = find_invalid_utf8(bytes, start)) {
    out.append(bytes, start, bad - start);
    out += "\xEF\xBF\xBD";
    start = bad + 1;
    while (start < bytes.size() && start < bad + 4 && (static_cast<unsigned char>(bytes[start]) & 0xC0) == 0x80)
      ++start;
  }
  out.append(bytes, start, std::string::npos);
  return out;
}

// ---- GPT-2 byte-level alphabet ----------------------------------------------------------------

// GPT-2's bytes_to_unicode(): printable Latin-1 bytes stand for themselves, the other 68 bytes are
// given the code points 256, 257, ... in byte order, so every byte becomes a visible character.
struct ByteLevelAlphabet {
  std::array<std::string, 256> byte_to_char;  // UTF-8 of the stand-in character
  std::array<int, 324> char_to_byte;          // by code point; -1 for characters that stand for no byte
};

const ByteLevelAlphabet& byte_level_alphabet() {
  static const ByteLevelAlphabet alphabet = [] {
    ByteLevelAlphabet a;
    a.char_to_byte.fill(-1);
    uint32_t next_code_point = 256;
    for (int byte = 0; byte < 256; ++byte) {
      const bool printable = (byte >= '!' && byte <= '~') || (byte >= 0xA1 && byte <= 0xAC) || (byte >= 0xAE);
      const uint32_t code_point = printable ? static_cast<uint32_t>(byte) : next_code_point++;
      append_utf8(a.byte_to_char[byte], code_point);
      a.char_to_byte[code_point] = byte;
    }
    return a;
  }();
  return alphabet;
}

std::string to_byte_level(const std::string& text) {
  const auto& alphabet = byte_level_alphabet();
  std::string out;
  out.reserve(text.size() * 2);
  for (unsigned char byte : text) out += alphabet.byte_to_char[byte];
  return out;
}

// The ByteLevel decoder: a token made only of stand-in characters becomes its bytes; any other
// token (an added token such as "<|eot_id|>" with a character outside the alphabet) is kept as is.
void append_from_byte_level(std::string& bytes, const std::string& token) {
  const auto& alphabet = byte_level_alphabet();
  std::string mapped;
  for (size_t i = 0; i < token.size();) {
    const size_t length = utf8_sequence_length(static_cast<unsigned char>(token[i]));
    const uint32_t code_point = decode_utf8_at(token, i, length);
    if (code_point >= alphabet.char_to_byte.size() || alphabet.char_to_byte[code_point] < 0) {
      bytes += token;
      return;
    }
    mapped += static_cast<char>(alphabet.char_to_byte[code_point]);
    i += length;
  }
  bytes += mapped;
}

// ---- PCRE2 regex ------------------------------------------------------------------------------

// GPT-2's split pattern, used by a ByteLevel pre-tokenizer whose `use_regex` is true.
constexpr const char* kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// A compiled pattern, JIT-compiled when PCRE2 has a JIT for this CPU. Immutable after construction;
// match data is allocated per call so several threads can split at once.
class SplitRegex {
 public:
  SplitRegex(const std::string& pattern, bool literal, const std::string& where) {
    int error_code = 0;
    PCRE2_SIZE error_offset = 0;
    const uint32_t options = PCRE2_UTF | PCRE2_UCP | (literal ? PCRE2_LITERAL : 0);
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error_code,
                                     &error_offset, nullptr);
    if (!code) {
      throw InputError(where + ": cannot compile the pattern (" + error_message(error_code) + " at offset " +
                       std::to_string(error_offset) + ")");
    }
    code_.reset(code, pcre2_code_free);
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // failure only means the slower interpreter is used
  }

  // Appends the matches of `text` and the gaps between them to `out`, each as its own piece
  // (tokenizers' "Isolated" behaviour). `text` must be valid UTF-8.
  void split_isolated(const std::string& text, std::vector<std::string>& out) const {
    std::unique_ptr<pcre2_match_data, void (*)(pcre2_match_data*)> match(
        pcre2_match_data_create_from_pattern(code_.get(), nullptr), pcre2_match_data_free);
    const auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t gap_start = 0;
    size_t search_from = 0;
    while (search_from < text.size()) {
      const int rc =
          pcre2_match(code_.get(), subject, text.size(), search_from, PCRE2_NO_UTF_CHECK, match.get(), nullptr);
      if (rc == PCRE2_ERROR_NOMATCH) break;
      if (rc < 0) throw InputError("text could not be split into pre-tokens (" + error_message(rc) + ")");
      const PCRE2_SIZE* range = pcre2_get_ovector_pointer(match.get());
      const size_t begin = range[0];
      const size_t end = range[1];
      if (begin == end) {  // an empty match yields no piece; step over one character
        search_from = begin + utf8_sequence_length(static_cast<unsigned char>(text[begin]));
        continue;
      }
      if (begin > gap_start) out.push_back(text.substr(gap_start, begin - gap_start));
      out.push_back(text.substr(begin, end - begin));
      gap_start = search_from = end;
    }
    if (gap_start < text.size()) out.push_back(text.substr(gap_start));
  }

 private:
  static std::string error_message(int error_code) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    return reinterpret_cast<const char*>(buffer);
  }

  std::shared_ptr<pcre2_code> code_;
};

// ---- Loaded configuration ---------------------------------------------------------------------

struct PreTokenizerStep {
  std::shared_ptr<const SplitRegex> split;  // set: split each piece; with byte_level: GPT-2's pattern
  bool byte_level = false;                  // map each piece's bytes to the byte-level alphabet
  bool add_prefix_space = false;            // ByteLevel: prepend ' ' to pieces not starting with one
};

struct AddedToken {
  std::string content;
  int32_t id = -1;
  bool special = false;
  bool normalized = false;
  bool single_word = false;
  bool lstrip = false;
  bool rstrip = false;
};

struct TemplatePiece {
  bool is_sequence = false;  // the text's own ids ($A)
  std::vector<int32_t> ids;  // otherwise: a special token's ids
};

struct MergeResult {
  int32_t rank = 0;
  int32_t id = 0;
};

uint64_t pair_key(int32_t left, int32_t right) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

// A stretch of input text, or an added token found in it.
struct Segment {
  std::string text;
  int32_t added_id = -1;
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

// ---- JSON access with messages that name the file and the field -------------------------------

class JsonReader {
 public:
  explicit JsonReader(std::string source) : source_(std::move(source)) {}

  const std::string& source() const { return source_; }
  [[noreturn]] void fail(const std::string& message) const { throw InputError(source_ + ": " + message); }

  const json& member(const json& object, const char* key, const std::string& path) const {
    if (!object.is_object()) fail("'" + path + "' must be a JSON object");
    const auto it = object.find(key);
    if (it == object.end()) fail("missing field '" + join(path, key) + "'");
    return *it;
  }

  // A member that may be absent or null; returns nullptr then.
  const json* optional_member(const json& object, const char* key) const {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(const json& value, const std::string& path) const {
    if (!value.is_string()) fail("'" + path + "' must be a string");
    return value.get<std::string>();
  }

  bool boolean(const json& object, const char* key, bool fallback, const std::string& path) const {
    const json* value = optional_member(object, key);
    if (!value) return fallback;
    if (!value->is_boolean()) fail("'" + join(path, key) + "' must be true or false");
    return value->get<bool>();
  }

  // Ids index a table, so a corrupt huge id must not turn into a huge allocation.
  int32_t id(const json& value, const std::string& path) const {
    constexpr int64_t kMaxId = (1 << 24) - 1;
    if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > kMaxId) {
      fail("'" + path + "' must be a token id (an integer from 0 to " + std::to_string(kMaxId) + ")");
    }
    return static_cast<int32_t>(value.get<int64_t>());
  }

  std::string type_of(const json& object, const std::string& path) const {
    return string(member(object, "type", path), join(path, "type"));
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

 private:
  std::string source_;
};

}  // namespace

// ---- The tokenizer ----------------------------------------------------------------------------

struct TextTokenizer::Impl {
  std::unordered_map<std::string, int32_t> vocab;  // model vocabulary (byte-level strings)
  std::unordered_map<uint64_t, MergeResult> merges;
  bool ignore_merges = false;
  int32_t unk_id = -1;
  bool fuse_unk = false;

  std::vector<AddedToken> added_tokens;                      // sorted longest content first
  std::array<std::vector<size_t>, 256> added_by_first_byte;  // indices into added_tokens, longest first
  std::unordered_map<std::string, int32_t> added_by_content;
  std::vector<std::string> id_to_token;  // model and added tokens; "" where no token has the id
  std::vector<bool> id_is_special;

  std::vector<PreTokenizerStep> pre_tokenizer;
  std::vector<TemplatePiece> single_template;  // empty: no post-processing

  void load(const json& root, const JsonReader& in);
  void load_model(const json& model, const JsonReader& in);
  void load_added_tokens(const json& tokens, const JsonReader& in);
  void load_pre_tokenizer(const json& node, const std::string& path, const JsonReader& in);
  void load_post_processor(const json& node, const std::string& path, const JsonReader& in);
  void load_template(const json& node, const std::string& path, const JsonReader& in);

  std::vector<Segment> split_on_added_tokens(const std::string& text) const;
  void split_segments(std::vector<Segment>& segments, bool normalized_tokens) const;
  std::vector<std::string> pre_tokenize(const std::string& text) const;
  void encode_pre_token(const std::string& pre_token, std::vector<int32_t>& ids) const;
  std::vector<int32_t> encode_raw(const std::string& text) const;
};

void TextTokenizer::Impl::load(const json& root, const JsonReader& in) {
  if (!root.is_object()) in.fail("the top level must be a JSON object");
  load_model(in.member(root, "model", ""), in);
  if (const json* tokens = in.optional_member(root, "added_tokens")) load_added_tokens(*tokens, in);

  if (const json* normalizer = in.optional_member(root, "normalizer")) {
    in.fail("normalizer '" + in.type_of(*normalizer, "normalizer") +
            "' is not supported (Llama-3's byte-level BPE has none: \"normalizer\": null)");
  }

  const json* pre = in.optional_member(root, "pre_tokenizer");
  if (!pre) in.fail("missing field 'pre_tokenizer' (a byte-level BPE needs a ByteLevel pre-tokenizer)");
  load_pre_tokenizer(*pre, "pre_tokenizer", in);
  bool byte_level = false;
  for (const auto& step : pre_tokenizer) byte_level = byte_level || step.byte_level;
  if (!byte_level) in.fail("'pre_tokenizer' has no ByteLevel step, so this is not a byte-level BPE tokenizer");

  if (const json* post = in.optional_member(root, "post_processor")) load_post_processor(*post, "post_processor", in);

  if (const json* decoder = in.optional_member(root, "decoder")) {
    const std::string type = in.type_of(*decoder, "decoder");
    if (type != "ByteLevel") in.fail("decoder '" + type + "' is not supported (expected ByteLevel)");
  }
}

void TextTokenizer::Impl::load_model(const json& model, const JsonReader& in) {
  const std::string type = in.type_of(model, "model");
  if (type != "BPE") {
    in.fail("tokenizer model type '" + type +
            "' is not supported (expected byte-level BPE as in sesame/csm-1b's tokenizer.json)");
  }
  if (const json* dropout = in.optional_member(model, "dropout");
      dropout && !(dropout->is_number() && dropout->get<double>() == 0.0)) {
    in.fail("'model.dropout' is set; BPE dropout is for training and is not supported");
  }
  for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
    const json* affix = in.optional_member(model, key);
    if (affix && !(affix->is_string() && affix->get<std::string>().empty())) {
      in.fail(std::string("'model.") + key + "' is set; byte-level BPE does not use it and it is not supported");
    }
  }
  if (in.boolean(model, "byte_fallback", false, "model")) {
    in.fail("'model.byte_fallback' is true; that is SentencePiece-style BPE, not byte-level, and is not supported");
  }
  ignore_merges = in.boolean(model, "ignore_merges", false, "model");
  fuse_unk = in.boolean(model, "fuse_unk", false, "model");

  const json& vocab_json = in.member(model, "vocab", "model");
  if (!vocab_json.is_object()) in.fail("'model.vocab' must be an object mapping token strings to ids");
  for (const auto& [token, id] : vocab_json.items()) vocab.emplace(token, in.id(id, "model.vocab[\"" + token + "\"]"));

  if (const json* unk = in.optional_member(model, "unk_token")) {
    const std::string unk_token = in.string(*unk, "model.unk_token");
    const auto it = vocab.find(unk_token);
    if (it == vocab.end()) in.fail("'model.unk_token' \"" + unk_token + "\" is not in 'model.vocab'");
    unk_id = it->second;
  }

  // Merges are "left right" strings (tokenizers < 0.20) or ["left", "right"] pairs (newer). Each
  // half and their concatenation must be in the vocabulary, as tokenizers itself requires.
  const json& merges_json = in.member(model, "merges", "model");
  if (!merges_json.is_array()) in.fail("'model.merges' must be an array");
  for (size_t rank = 0; rank < merges_json.size(); ++rank) {
    const json& merge = merges_json[rank];
    const std::string path = JsonReader::index("model.merges", rank);
    std::string left, right;
    if (merge.is_string()) {
      const std::string text = merge.get<std::string>();
      const size_t space = text.find(' ');
      if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos) {
        in.fail("'" + path + "' is \"" + text + "\"; expected two tokens separated by one space");
      }
      left = text.substr(0, space);
      right = text.substr(space + 1);
    } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
      left = merge[0].get<std::string>();
      right = merge[1].get<std::string>();
    } else {
      in.fail("'" + path + "' must be a \"left right\" string or a [\"left\", \"right\"] pair");
    }
    int32_t ids[3] = {};
    const std::string* parts[3] = {&left, &right, nullptr};
    const std::string merged = left + right;
    parts[2] = &merged;
    for (int k = 0; k < 3; ++k) {
      const auto it = vocab.find(*parts[k]);
      if (it == vocab.end()) {
        in.fail("'" + path + "' (\"" + left + "\" + \"" + right + "\") refers to token \"" + *parts[k] +
                "\", which is not in 'model.vocab'");
      }
      ids[k] = it->second;
    }
    // A pair listed twice keeps the later rank, as in tokenizers.
    merges[pair_key(ids[0], ids[1])] = MergeResult{static_cast<int32_t>(rank), ids[2]};
  }

  for (const auto& [token, id] : vocab) {
    if (static_cast<size_t>(id) >= id_to_token.size()) id_to_token.resize(static_cast<size_t>(id) + 1);
    id_to_token[static_cast<size_t>(id)] = token;
  }
  id_is_special.assign(id_to_token.size(), false);
}

void TextTokenizer::Impl::load_added_tokens(const json& tokens, const JsonReader& in) {
  if (!tokens.is_array()) in.fail("'added_tokens' must be an array");
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string path = JsonReader::index("added_tokens", i);
    AddedToken token;
    token.id = in.id(in.member(tokens[i], "id", path), path + ".id");
    token.content = in.string(in.member(tokens[i], "content", path), path + ".content");
    if (token.content.empty()) in.fail("'" + path + ".content' is empty");
    token.special = in.boolean(tokens[i], "special", false, path);
    token.normalized = in.boolean(tokens[i], "normalized", !token.special, path);
    token.single_word = in.boolean(tokens[i], "single_word", false, path);
    token.lstrip = in.boolean(tokens[i], "lstrip", false, path);
    token.rstrip = in.boolean(tokens[i], "rstrip", false, path);
    const size_t index = static_cast<size_t>(token.id);
    if (index >= id_to_token.size()) {
      id_to_token.resize(index + 1);
      id_is_special.resize(index + 1, false);
    }
    id_to_token[index] = token.content;
    id_is_special[index] = token.special;
    added_by_content[token.content] = token.id;
    added_tokens.push_back(std::move(token));
  }
  std::stable_sort(added_tokens.begin(), added_tokens.end(),
                   [](const AddedToken& a, const AddedToken& b) { return a.content.size() > b.content.size(); });
  // Scanning the text tries only the tokens that start with the byte at hand (for Llama-3: '<').
  for (size_t i = 0; i < added_tokens.size(); ++i) {
    added_by_first_byte[static_cast<unsigned char>(added_tokens[i].content[0])].push_back(i);
  }
}

void TextTokenizer::Impl::load_pre_tokenizer(const json& node, const std::string& path, const JsonReader& in) {
  const std::string type = in.type_of(node, path);
  if (type == "Sequence") {
    const json& steps = in.member(node, "pretokenizers", path);
    if (!steps.is_array()) in.fail("'" + path + ".pretokenizers' must be an array");
    for (size_t i = 0; i < steps.size(); ++i)
      load_pre_tokenizer(steps[i], JsonReader::index(path + ".pretokenizers", i), in);
  } else if (type == "Split") {
    const std::string behavior = in.string(in.member(node, "behavior", path), path + ".behavior");
    if (behavior != "Isolated") in.fail("'" + path + ".behavior' is '" + behavior + "'; only 'Isolated' is supported");
    if (in.boolean(node, "invert", false, path))
      in.fail("'" + path + ".invert' is true; inverted splits are not supported");
    const json& pattern = in.member(node, "pattern", path);
    const bool is_regex = pattern.is_object() && pattern.contains("Regex");
    if (!is_regex && !(pattern.is_object() && pattern.contains("String"))) {
      in.fail("'" + path + ".pattern' must be {\"Regex\": ...} or {\"String\": ...}");
    }
    const std::string pattern_path = path + ".pattern." + (is_regex ? "Regex" : "String");
    const std::string text = in.string(pattern.at(is_regex ? "Regex" : "String"), pattern_path);
    PreTokenizerStep step;
    step.split = std::make_shared<const SplitRegex>(text, !is_regex, in.source() + ": '" + pattern_path + "'");
    pre_tokenizer.push_back(step);
  } else if (type == "ByteLevel") {
    PreTokenizerStep step;
    step.byte_level = true;
    step.add_prefix_space = in.boolean(node, "add_prefix_space", true, path);
    if (in.boolean(node, "use_regex", true, path))
      step.split = std::make_shared<const SplitRegex>(kGpt2Pattern, false, path);
    pre_tokenizer.push_back(step);
  } else {
    in.fail(
        "pre-tokenizer '" + type + "' at '" + path +
        "' is not supported (expected Split with a Regex and Isolated behaviour, ByteLevel, or a Sequence of them)");
  }
}

void TextTokenizer::Impl::load_post_processor(const json& node, const std::string& path, const JsonReader& in) {
  const std::string type = in.type_of(node, path);
  if (type == "Sequence") {  // Llama-3: [ByteLevel, TemplateProcessing]
    const json& processors = in.member(node, "processors", path);
    if (!processors.is_array()) in.fail("'" + path + ".processors' must be an array");
    for (size_t i = 0; i < processors.size(); ++i)
      load_post_processor(processors[i], JsonReader::index(path + ".processors", i), in);
  } else if (type == "ByteLevel") {
    // Only adjusts character offsets, which we do not report; ids are unchanged.
  } else if (type == "TemplateProcessing") {
    if (!single_template.empty()) in.fail("'" + path + "' is a second TemplateProcessing; only one is supported");
    load_template(node, path, in);
  } else {
    in.fail("post-processor '" + type + "' at '" + path + "' is not supported (expected TemplateProcessing)");
  }
}

void TextTokenizer::Impl::load_template(const json& node, const std::string& path, const JsonReader& in) {
  const json& specials = in.member(node, "special_tokens", path);
  const json& single = in.member(node, "single", path);
  if (!single.is_array()) in.fail("'" + path + ".single' must be an array");
  for (size_t i = 0; i < single.size(); ++i) {
    const std::string item_path = JsonReader::index(path + ".single", i);
    TemplatePiece piece;
    if (single[i].is_object() && single[i].contains("Sequence")) {
      const std::string name =
          in.string(in.member(single[i]["Sequence"], "id", item_path + ".Sequence"), item_path + ".Sequence.id");
      if (name != "A")
        in.fail("'" + item_path + "' uses sequence $" + name + "; a single-sequence template can only use $A");
      piece.is_sequence = true;
    } else if (single[i].is_object() && single[i].contains("SpecialToken")) {
      const std::string name = in.string(in.member(single[i]["SpecialToken"], "id", item_path + ".SpecialToken"),
                                         item_path + ".SpecialToken.id");
      if (!specials.is_object() || !specials.contains(name)) {
        in.fail("'" + item_path + "' names special token \"" + name + "\", which is not in '" + path +
                ".special_tokens'");
      }
      const std::string special_path = path + ".special_tokens[\"" + name + "\"]";
      const json& ids = in.member(specials[name], "ids", special_path);
      if (!ids.is_array() || ids.empty()) in.fail("'" + special_path + ".ids' must be a non-empty array");
      for (size_t k = 0; k < ids.size(); ++k)
        piece.ids.push_back(in.id(ids[k], JsonReader::index(special_path + ".ids", k)));
    } else {
      in.fail("'" + item_path + "' must be {\"SpecialToken\": ...} or {\"Sequence\": ...}");
    }
    single_template.push_back(std::move(piece));
  }
}

// Added tokens are found in two passes, as tokenizers does: first those matched on the raw text
// (normalized: false, all of Llama-3's), then those matched on the normalized text. With no
// normalizer both see the same text, but the order still decides overlaps.
std::vector<Segment> TextTokenizer::Impl::split_on_added_tokens(const std::string& text) const {
  std::vector<Segment> segments{Segment{text, -1}};
  split_segments(segments, false);
  split_segments(segments, true);
  return segments;
}

void TextTokenizer::Impl::split_segments(std::vector<Segment>& segments, bool normalized_tokens) const {
  std::vector<Segment> out;
  for (auto& segment : segments) {
    if (segment.added_id >= 0) {
      out.push_back(std::move(segment));
      continue;
    }
    const std::string& text = segment.text;
    size_t emitted = 0;  // text before this offset is already in `out`
    for (size_t pos = 0; pos < text.size();) {
      const AddedToken* found = nullptr;
      for (const size_t index : added_by_first_byte[static_cast<unsigned char>(text[pos])]) {  // longest first
        const AddedToken& token = added_tokens[index];
        if (token.normalized != normalized_tokens || text.compare(pos, token.content.size(), token.content) != 0)
          continue;
        const size_t end = pos + token.content.size();
        if (token.single_word &&
            ((pos > 0 && is_word_byte(text[pos - 1])) || (end < text.size() && is_word_byte(text[end]))))
          continue;
        found = &token;
        break;
      }
      if (!found) {
        pos += utf8_sequence_length(static_cast<unsigned char>(text[pos]));
        continue;
      }
      // lstrip/rstrip: the token swallows the whitespace beside it (ASCII whitespace here; no
      // Llama-3 token sets these flags).
      size_t begin = pos;
      size_t end = pos + found->content.size();
      if (found->lstrip) {
        while (begin > emitted && is_ascii_space(text[begin - 1])) --begin;
      }
      if (found->rstrip) {
        while (end < text.size() && is_ascii_space(text[end])) ++end;
      }
      if (begin > emitted) out.push_back(Segment{text.substr(emitted, begin - emitted), -1});
      out.push_back(Segment{std::string(), found->id});
      emitted = pos = end;
    }
    if (emitted < text.size()) out.push_back(Segment{text.substr(emitted), -1});
  }
  segments = std::move(out);
}

std::vector<std::string> TextTokenizer::Impl::pre_tokenize(const std::string& text) const {
  std::vector<std::string> pieces{text};
  for (const auto& step : pre_tokenizer) {
    std::vector<std::string> next;
    for (auto& piece : pieces) {
      if (step.add_prefix_space && piece.rfind(' ', 0) != 0) piece.insert(0, " ");
      if (step.split) {
        step.split->split_isolated(piece, next);
      } else {
        next.push_back(std::move(piece));
      }
    }
    if (step.byte_level) {
      for (auto& piece : next) piece = to_byte_level(piece);
    }
    pieces = std::move(next);
  }
  return pieces;
}

// BPE on one pre-token: start from its characters, then repeatedly apply the lowest-ranked merge
// among adjacent pairs (leftmost on ties), through a priority queue with lazily dropped stale entries.
void TextTokenizer::Impl::encode_pre_token(const std::string& pre_token, std::vector<int32_t>& ids) const {
  if (ignore_merges) {
    if (const auto it = vocab.find(pre_token); it != vocab.end()) {
      ids.push_back(it->second);
      return;
    }
  }
  struct Symbol {
    int32_t id;
    int prev;
    int next;
    bool alive;
  };
  std::vector<Symbol> symbols;
  for (size_t i = 0; i < pre_token.size();) {
    const size_t length = utf8_sequence_length(static_cast<unsigned char>(pre_token[i]));
    const auto it = vocab.find(pre_token.substr(i, length));
    i += length;
    int32_t id = it != vocab.end() ? it->second : unk_id;
    // Without an unknown token, tokenizers drops characters missing from the vocabulary; a
    // byte-level vocabulary has all 256, so this only happens with hand-made vocabularies.
    if (id < 0) continue;
    if (id == unk_id && fuse_unk && !symbols.empty() && symbols.back().id == unk_id) continue;
    const int index = static_cast<int>(symbols.size());
    symbols.push_back(Symbol{id, index - 1, -1, true});
    if (index > 0) symbols[static_cast<size_t>(index - 1)].next = index;
  }

  struct Candidate {
    int32_t rank;
    int pos;
    int32_t new_id;
  };
  const auto later = [](const Candidate& a, const Candidate& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos;
  };
  std::priority_queue<Candidate, std::vector<Candidate>, decltype(later)> queue(later);
  const auto push_pair = [&](int left) {
    const int right = symbols[static_cast<size_t>(left)].next;
    if (right < 0) return;
    const auto it =
        merges.find(pair_key(symbols[static_cast<size_t>(left)].id, symbols[static_cast<size_t>(right)].id));
    if (it != merges.end()) queue.push(Candidate{it->second.rank, left, it->second.id});
  };
  for (int i = 0; i < static_cast<int>(symbols.size()); ++i) push_pair(i);

  while (!queue.empty()) {
    const Candidate top = queue.top();
    queue.pop();
    Symbol& left = symbols[static_cast<size_t>(top.pos)];
    if (!left.alive || left.next < 0) continue;
    Symbol& right = symbols[static_cast<size_t>(left.next)];
    const auto it = merges.find(pair_key(left.id, right.id));
    if (it == merges.end() || it->second.id != top.new_id) continue;  // stale: a neighbour changed since
    left.id = top.new_id;
    right.alive = false;
    left.next = right.next;
    if (right.next >= 0) symbols[static_cast<size_t>(right.next)].prev = top.pos;
    if (left.prev >= 0) push_pair(left.prev);
    push_pair(top.pos);
  }
  for (int i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[static_cast<size_t>(i)].next)
    ids.push_back(symbols[static_cast<size_t>(i)].id);
}

std::vector<int32_t> TextTokenizer::Impl::encode_raw(const std::string& text) const {
  if (const size_t bad = find_invalid_utf8(text); bad != kValidUtf8) {
    std::ostringstream message;
    message << "text to tokenize is not valid UTF-8: byte 0x" << std::hex
            << static_cast<int>(static_cast<unsigned char>(text[bad])) << std::dec << " at byte offset " << bad;
    throw InputError(message.str());
  }
  std::vector<int32_t> ids;
  for (const auto& segment : split_on_added_tokens(text)) {
    if (segment.added_id >= 0) {
      ids.push_back(segment.added_id);
      continue;
    }
    for (const auto& pre_token : pre_tokenize(segment.text)) encode_pre_token(pre_token, ids);
  }
  return ids;
}

// ---- Public API -------------------------------------------------------------------------------

TextTokenizer TextTokenizer::from_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InputError(path + ": is a directory; expected the tokenizer.json file itself");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path + ": cannot open tokenizer file (" + std::strerror(errno) + ")");
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) throw InputError(path + ": cannot read tokenizer file (" + std::strerror(errno) + ")");
  return from_json(content.str(), path);
}

TextTokenizer TextTokenizer::from_json(const std::string& json_text, const std::string& source_name) {
  const JsonReader in(source_name);
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    std::string detail = e.what();  // "[json.exception.parse_error.101] parse error at line 1, ..."
    if (const size_t bracket = detail.find("] "); bracket != std::string::npos) detail.erase(0, bracket + 2);
    in.fail("not valid JSON (" + detail + ")");
  }
  auto impl = std::make_unique<Impl>();
  try {
    impl->load(root, in);
  } catch (const json::exception& e) {  // a type mismatch our checks did not foresee
    in.fail(std::string("unexpected tokenizer.json layout (") + e.what() + ")");
  }
  return TextTokenizer(std::move(impl));
}

TextTokenizer::TextTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextTokenizer::TextTokenizer(TextTokenizer&&) noexcept = default;
TextTokenizer& TextTokenizer::operator=(TextTokenizer&&) noexcept = default;
TextTokenizer::~TextTokenizer() = default;

std::vector<int32_t> TextTokenizer::encode_raw(const std::string& text) const { return impl_->encode_raw(text); }

std::vector<int32_t> TextTokenizer::encode(const std::string& text) const {
  std::vector<int32_t> raw = impl_->encode_raw(text);
  if (impl_->single_template.empty()) return raw;
  std::vector<int32_t> ids;
  for (const auto& piece : impl_->single_template) {
    const auto& source = piece.is_sequence ? raw : piece.ids;
    ids.insert(ids.end(), source.begin(), source.end());
  }
  return ids;
}

std::vector<int32_t> TextTokenizer::encode_speaker_text(int speaker, const std::string& text) const {
  // Sesame's generator always frames a segment as BOS + "[speaker]text" + EOS, whatever template the
  // tokenizer.json carries (Meta's Llama-3.2 file adds BOS only).
  std::vector<int32_t> ids = encode_raw("[" + std::to_string(speaker) + "]" + text);
  int32_t bos = token_to_id("<|begin_of_text|>");
  int32_t eos = token_to_id("<|end_of_text|>");
  if (bos < 0) bos = bos_id();
  if (eos < 0) eos = eos_id();
  if (bos >= 0) ids.insert(ids.begin(), bos);
  if (eos >= 0) ids.push_back(eos);
  return ids;
}

std::string TextTokenizer::decode(const std::vector<int32_t>& ids, bool skip_special) const {
  std::string bytes;
  for (const int32_t id : ids) {
    if (id < 0 || static_cast<size_t>(id) >= impl_->id_to_token.size() ||
        impl_->id_to_token[static_cast<size_t>(id)].empty()) {
      throw InputError("cannot decode token id " + std::to_string(id) + ": no token has this id (vocabulary size " +
                       std::to_string(vocab_size()) + ")");
    }
    if (skip_special && impl_->id_is_special[static_cast<size_t>(id)]) continue;
    append_from_byte_level(bytes, impl_->id_to_token[static_cast<size_t>(id)]);
  }
  return replace_invalid_utf8(bytes);
}

int32_t TextTokenizer::token_to_id(const std::string& token) const {
  if (const auto it = impl_->added_by_content.find(token); it != impl_->added_by_content.end()) return it->second;
  const auto it = impl_->vocab.find(token);
  return it == impl_->vocab.end() ? -1 : it->second;
}

int32_t TextTokenizer::vocab_size() const { return static_cast<int32_t>(impl_->id_to_token.size()); }

int32_t TextTokenizer::bos_id() const {
  const auto& pieces = impl_->single_template;
  return !pieces.empty() && !pieces.front().is_sequence ? pieces.front().ids.front() : -1;
}

int32_t TextTokenizer::eos_id() const {
  const auto& pieces = impl_->single_template;
  return !pieces.empty() && !pieces.back().is_sequence ? pieces.back().ids.back() : -1;
}

}  // namespace csm
