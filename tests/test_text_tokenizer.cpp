// Tests of csm::TextTokenizer: BPE merging, the Llama-3 pre-tokenizer split, added tokens, the
// post-processor template and decoding on tiny hand-written tokenizer.json files; every kind of
// bad input; and ids against tests/fixtures/tokenizer/, made by the Hugging Face `tokenizers`
// library with tools/make_tokenizer_fixture.py.
#include "csm/errors.h"
#include "csm/text_tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace {

using Ids = std::vector<int32_t>;
using Strings = std::vector<std::string>;

const char* const kLlama3Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void appendUtf8(std::string& out, uint32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else {  // the byte-level alphabet stays below U+0800
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

// GPT-2's bytes_to_unicode(), written out again here so the engine's copy is checked against it.
std::string byteChar(unsigned char byte) {
  uint32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
    const uint32_t codePoint = printable ? static_cast<uint32_t>(b) : next++;
    if (b == byte) {
      std::string out;
      appendUtf8(out, codePoint);
      return out;
    }
  }
  return {};
}

std::string byteLevel(const std::string& text) {
  std::string out;
  for (unsigned char byte : text) out += byteChar(byte);
  return out;
}

// One byte-level token per byte of `text`: what BPE yields with no applicable merge.
Strings byteTokens(const std::string& text) {
  Strings out;
  for (unsigned char byte : text) out.push_back(byteChar(byte));
  return out;
}

const std::string kLlama3PreTokenizer =
    std::string(R"({"type": "Sequence", "pretokenizers": [{"type": "Split", "pattern": {"Regex": )") +
    jsonString(kLlama3Pattern) + R"(}, "behavior": "Isolated", "invert": false},
        {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]})";

std::string templateProcessing(const std::string& single) {
  return R"({"type": "TemplateProcessing", "single": )" + single + R"(, "pair": [], "special_tokens": {
      "<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [1000], "tokens": ["<|begin_of_text|>"]},
      "<|end_of_text|>": {"id": "<|end_of_text|>", "ids": [1001], "tokens": ["<|end_of_text|>"]}}})";
}

const std::string kBos = R"({"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}})";
const std::string kEos = R"({"SpecialToken": {"id": "<|end_of_text|>", "type_id": 0}})";
const std::string kSequence = R"({"Sequence": {"id": "A", "type_id": 0}})";

// Llama-3's layout: Sequence[ByteLevel, TemplateProcessing], here with CSM's BOS $A EOS.
const std::string kCsmPostProcessor =
    R"({"type": "Sequence", "processors": [{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true}, )" +
    templateProcessing("[" + kBos + ", " + kSequence + ", " + kEos + "]") + "]}";

// A Llama-3-style tokenizer.json: the 256 byte characters (ids 0-255), then each merge's result
// and `extraTokens` (byte-level spelling) in order; <|begin_of_text|> = 1000 and
// <|end_of_text|> = 1001 as special added tokens, and "<|a|>", "<|a|>b" (1002, 1003) as plain ones.
struct TinyTokenizer {
  Strings merges;  // "left right"
  Strings extraTokens;
  bool pairMerges = false;
  bool ignoreMerges = false;
  std::string postProcessor = kCsmPostProcessor;
  std::string preTokenizer = kLlama3PreTokenizer;

  std::string json() const {
    Strings vocab;
    for (int byte = 0; byte < 256; ++byte) vocab.push_back(byteChar(static_cast<unsigned char>(byte)));
    for (const auto& merge : merges)
      vocab.push_back(merge.substr(0, merge.find(' ')) + merge.substr(merge.find(' ') + 1));
    for (const auto& token : extraTokens) {
      if (std::find(vocab.begin(), vocab.end(), token) == vocab.end()) vocab.push_back(token);
    }
    std::string vocabJson;
    for (size_t id = 0; id < vocab.size(); ++id)
      vocabJson += (id ? ", " : "") + jsonString(vocab[id]) + ": " + std::to_string(id);
    std::string mergesJson;
    for (const auto& merge : merges) {
      const std::string left = merge.substr(0, merge.find(' '));
      const std::string right = merge.substr(merge.find(' ') + 1);
      mergesJson += (mergesJson.empty() ? "" : ", ") +
                    (pairMerges ? "[" + jsonString(left) + ", " + jsonString(right) + "]" : jsonString(merge));
    }
    return R"({"version": "1.0", "added_tokens": [
        {"id": 1000, "content": "<|begin_of_text|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
        {"id": 1001, "content": "<|end_of_text|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
        {"id": 1002, "content": "<|a|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": false},
        {"id": 1003, "content": "<|a|>b", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": false}],
      "normalizer": null, "pre_tokenizer": )" +
           preTokenizer + R"(, "post_processor": )" + postProcessor +
           R"(, "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
      "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
        "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false, "ignore_merges": )" +
           (ignoreMerges ? "true" : "false") + R"(, "vocab": {)" + vocabJson + R"(}, "merges": [)" + mergesJson + "]}}";
  }

  csm::TextTokenizer load() const { return csm::TextTokenizer::from_json(json(), "tiny.json"); }
};

Ids idsOf(const csm::TextTokenizer& tokenizer, const Strings& tokens) {
  Ids ids;
  for (const auto& token : tokens) ids.push_back(tokenizer.token_to_id(token));
  return ids;
}

Ids toIds(const QJsonArray& array) {
  Ids ids;
  for (const auto& value : array) ids.push_back(value.toInt());
  return ids;
}

std::string inputErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const csm::InputError& e) {
    return e.what();
  }
  return "(no csm::InputError thrown)";
}

}  // namespace

Q_DECLARE_METATYPE(std::string)

// Readable QCOMPARE failures for ids and byte strings.
namespace QTest {
template <>
char* toString(const Ids& ids) {
  QByteArray text = "[";
  for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + QByteArray::number(ids[i]);
  return qstrdup(text + "]");
}
template <>
char* toString(const std::string& text) {
  return qstrdup(text.c_str());
}
}  // namespace QTest

class TestTextTokenizer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void bpeMerges_data() {
    QTest::addColumn<Strings>("merges");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Strings>("expected");
    QTest::newRow("merges build a word") << Strings{"h e", "l l", "he ll", "hell o"} << std::string("hello")
                                         << Strings{"hello"};
    QTest::newRow("lower rank merges first") << Strings{"b c", "a b"} << std::string("abc") << Strings{"a", "bc"};
    QTest::newRow("rank order reversed") << Strings{"a b", "b c"} << std::string("abc") << Strings{"ab", "c"};
    QTest::newRow("leftmost pair on ties") << Strings{"a a"} << std::string("aaa") << Strings{"aa", "a"};
    QTest::newRow("merged pairs merge again")
        << Strings{"a a", "aa aa"} << std::string("aaaaa") << Strings{"aaaa", "a"};
    QTest::newRow("no merge across pre-tokens")
        << Strings{"i \xC4\xA0", "h i"} << std::string("hi hi") << Strings{"hi", "\xC4\xA0", "hi"};
    QTest::newRow("space joins the next word")
        << Strings{"\xC4\xA0 w"} << std::string("a w") << Strings{"a", "\xC4\xA0w"};
    QTest::newRow("two-byte character") << Strings{"\xC3\x83 \xC2\xA9"} << std::string("\xC3\xA9")
                                        << Strings{"\xC3\x83\xC2\xA9"};
    QTest::newRow("emoji falls back to bytes")
        << Strings{} << std::string("\xF0\x9F\x91\x8D") << byteTokens("\xF0\x9F\x91\x8D");
    QTest::newRow("empty text") << Strings{"a b"} << std::string() << Strings{};
  }

  void bpeMerges() {
    QFETCH(Strings, merges);
    QFETCH(std::string, text);
    QFETCH(Strings, expected);
    TinyTokenizer tiny;
    tiny.merges = merges;
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.encode_raw(text), idsOf(tokenizer, expected));
  }

  void mergeFormats() {
    TinyTokenizer strings;
    strings.merges = {"h e", "l l", "he ll", "\xC4\xA0 w", "o r"};
    TinyTokenizer pairs = strings;
    pairs.pairMerges = true;
    const std::string text = "hello world, hell";
    const Ids fromStrings = strings.load().encode_raw(text);
    QCOMPARE(pairs.load().encode_raw(text), fromStrings);
    QCOMPARE(fromStrings.size(), size_t(9));  // hell o Ġw or l d , Ġ hell
  }

  void ignoreMerges_data() {
    QTest::addColumn<bool>("ignoreMerges");
    QTest::addColumn<Strings>("expected");
    QTest::newRow("on: whole pre-token from the vocabulary") << true << Strings{"abc"};
    QTest::newRow("off: merges decide") << false << Strings{"ab", "c"};
  }

  void ignoreMerges() {
    QFETCH(bool, ignoreMerges);
    QFETCH(Strings, expected);
    TinyTokenizer tiny;
    tiny.merges = {"a b"};
    tiny.extraTokens = {"abc"};  // in the vocabulary, but no merge leads to it
    tiny.ignoreMerges = ignoreMerges;
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.encode_raw("abc"), idsOf(tokenizer, expected));
  }

  void preTokenizerSplits_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Strings>("preTokens");
    QTest::newRow("words") << std::string("Hello world") << Strings{"Hello", " world"};
    QTest::newRow("contraction") << std::string("I'm here") << Strings{"I", "'m", " here"};
    QTest::newRow("contraction, upper case") << std::string("THEY'LL GO") << Strings{"THEY", "'LL", " GO"};
    QTest::newRow("digits in threes") << std::string("1234567") << Strings{"123", "456", "7"};
    QTest::newRow("run of spaces") << std::string("a   b") << Strings{"a", "  ", " b"};
    QTest::newRow("newlines") << std::string("hi\n\nthere") << Strings{"hi", "\n\n", "there"};
    QTest::newRow("tabs") << std::string("ok\t\tgo") << Strings{"ok", "\t", "\tgo"};
    QTest::newRow("punctuation") << std::string("x!!! y?") << Strings{"x", "!!!", " y", "?"};
    QTest::newRow("speaker prefix") << std::string("[0]Hello") << Strings{"[", "0", "]Hello"};
    QTest::newRow("CJK") << std::string("\xE6\x97\xA5\xE6\x9C\xAC \xE8\xAA\x9E")
                         << Strings{"\xE6\x97\xA5\xE6\x9C\xAC", " \xE8\xAA\x9E"};
    QTest::newRow("accented Latin") << std::string("caf\xC3\xA9 na\xC3\xAFve")
                                    << Strings{"caf\xC3\xA9", " na\xC3\xAFve"};
    QTest::newRow("emoji") << std::string("ok \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D!")
                           << Strings{"ok", " \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D!"};
    QTest::newRow("trailing spaces") << std::string("end  ") << Strings{"end", "  "};
  }

  void preTokenizerSplits() {
    QFETCH(std::string, text);
    QFETCH(Strings, preTokens);
    checkPreTokens(kLlama3PreTokenizer, text, preTokens);
  }

  // A lone ByteLevel pre-tokenizer splits with GPT-2's built-in pattern when use_regex is true.
  void gpt2PreTokenizerSplits_data() {
    QTest::addColumn<bool>("addPrefixSpace");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Strings>("preTokens");
    QTest::newRow("prefix space added") << true << std::string("Hello world") << Strings{" Hello", " world"};
    QTest::newRow("prefix space already there") << true << std::string(" spaced out") << Strings{" spaced", " out"};
    QTest::newRow("no prefix space") << false << std::string("it's 2024!") << Strings{"it", "'s", " 2024", "!"};
  }

  void gpt2PreTokenizerSplits() {
    QFETCH(bool, addPrefixSpace);
    QFETCH(std::string, text);
    QFETCH(Strings, preTokens);
    checkPreTokens(std::string(R"({"type": "ByteLevel", "use_regex": true, "add_prefix_space": )") +
                       (addPrefixSpace ? "true" : "false") + "}",
                   text, preTokens);
  }

  void addedTokens_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Strings>("expected");
    QTest::newRow("special token in the text")
        << std::string("Hi<|end_of_text|>x") << Strings{"H", "i", "<|end_of_text|>", "x"};
    QTest::newRow("special token after a space")
        << std::string("a <|begin_of_text|>") << Strings{"a", "\xC4\xA0", "<|begin_of_text|>"};
    QTest::newRow("longest added token first") << std::string("x<|a|>b") << Strings{"x", "<|a|>b"};
    QTest::newRow("shorter one when the longer does not match") << std::string("<|a|>c") << Strings{"<|a|>", "c"};
    QTest::newRow("adjacent added tokens")
        << std::string("<|begin_of_text|><|end_of_text|>") << Strings{"<|begin_of_text|>", "<|end_of_text|>"};
    QTest::newRow("incomplete special token is text")
        << std::string("<|end_of") << Strings{"<", "|", "end", "_", "o", "f"};
  }

  void addedTokens() {
    QFETCH(std::string, text);
    QFETCH(Strings, expected);
    TinyTokenizer tiny;
    tiny.merges = {"e n", "en d"};
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.encode_raw(text), idsOf(tokenizer, expected));
  }

  void postProcessor_data() {
    QTest::addColumn<std::string>("postProcessor");
    QTest::addColumn<int>("bos");
    QTest::addColumn<int>("eos");
    QTest::newRow("CSM: Sequence[ByteLevel, BOS $A EOS]") << kCsmPostProcessor << 1000 << 1001;
    QTest::newRow("Llama-3: BOS $A only") << templateProcessing("[" + kBos + ", " + kSequence + "]") << 1000 << -1;
    QTest::newRow("plain TemplateProcessing")
        << templateProcessing("[" + kBos + ", " + kSequence + ", " + kEos + "]") << 1000 << 1001;
    QTest::newRow("none") << std::string("null") << -1 << -1;
  }

  void postProcessor() {
    QFETCH(std::string, postProcessor);
    QFETCH(int, bos);
    QFETCH(int, eos);
    TinyTokenizer tiny;
    tiny.postProcessor = postProcessor;
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.bos_id(), bos);
    QCOMPARE(tokenizer.eos_id(), eos);
    Ids expected = tokenizer.encode_raw("[0]Hi");
    if (bos >= 0) expected.insert(expected.begin(), bos);
    if (eos >= 0) expected.push_back(eos);
    QCOMPARE(tokenizer.encode("[0]Hi"), expected);
    // Sesame's framing: BOS + "[0]Hi" + EOS whenever the tokenizer knows those tokens
    Ids framed = tokenizer.encode_raw("[0]Hi");
    const int32_t bosToken = tokenizer.token_to_id("<|begin_of_text|>");
    const int32_t eosToken = tokenizer.token_to_id("<|end_of_text|>");
    if (bosToken >= 0 || bos >= 0) framed.insert(framed.begin(), bosToken >= 0 ? bosToken : bos);
    if (eosToken >= 0 || eos >= 0) framed.push_back(eosToken >= 0 ? eosToken : eos);
    QCOMPARE(tokenizer.encode_speaker_text(0, "Hi"), framed);
  }

  void decodeRoundTrip_data() {
    QTest::addColumn<std::string>("text");
    QTest::newRow("ascii") << std::string("Hello, world! It's 2024.");
    QTest::newRow("whitespace") << std::string("  a\t\tb\n\n\r\n  c   ");
    QTest::newRow("accents and CJK") << std::string("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    QTest::newRow("emoji") << std::string("\xF0\x9F\x91\x8D\xF0\x9F\x8E\x89 ok");
    QTest::newRow("plain added tokens") << std::string("x<|a|>by<|a|>");
    QTest::newRow("quotes and backslashes") << std::string("\"q\" \\n");
  }

  void decodeRoundTrip() {
    QFETCH(std::string, text);
    TinyTokenizer tiny;
    tiny.merges = {"h e", "l l", "he ll", "\xC4\xA0 w", "o r"};
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.decode(tokenizer.encode_raw(text)), text);
    QCOMPARE(tokenizer.decode(tokenizer.encode(text)), "<|begin_of_text|>" + text + "<|end_of_text|>");
    QCOMPARE(tokenizer.decode(tokenizer.encode(text), /*skip_special=*/true), text);
  }

  void decodeSkipsSpecialTokens() {
    const auto tokenizer = TinyTokenizer().load();
    const Ids ids = tokenizer.encode_raw("a<|end_of_text|>b<|a|>");
    QCOMPARE(tokenizer.decode(ids), std::string("a<|end_of_text|>b<|a|>"));
    QCOMPARE(tokenizer.decode(ids, /*skip_special=*/true), std::string("ab<|a|>"));  // <|a|> is not special
  }

  void decodeSplitCharacter() {
    const auto tokenizer = TinyTokenizer().load();
    const Ids ids = tokenizer.encode_raw("\xC3\xA9!");  // two byte tokens, then "!"
    QCOMPARE(ids.size(), size_t(3));
    QCOMPARE(tokenizer.decode({ids[0], ids[2]}), std::string("\xEF\xBF\xBD!"));  // U+FFFD for the broken character
  }

  void decodeUnknownId_data() {
    QTest::addColumn<int>("id");
    QTest::newRow("negative") << -1;
    QTest::newRow("gap between vocabulary and added tokens") << 500;
    QTest::newRow("past the end") << 5000;
  }

  void decodeUnknownId() {
    QFETCH(int, id);
    const auto tokenizer = TinyTokenizer().load();
    const std::string message = inputErrorOf([&] { tokenizer.decode({id}); });
    QVERIFY2(message.find("cannot decode token id " + std::to_string(id)) != std::string::npos, message.c_str());
  }

  void vocabularyQueries() {
    const auto tokenizer = TinyTokenizer().load();
    QCOMPARE(tokenizer.vocab_size(), 1004);
    QCOMPARE(tokenizer.token_to_id("a"), 0x61);  // printable bytes stand for themselves
    QCOMPARE(tokenizer.token_to_id("<|end_of_text|>"), 1001);
    QCOMPARE(tokenizer.token_to_id("not a token"), -1);
  }

  void badTokenizerJson_data() {
    QTest::addColumn<std::string>("json");
    QTest::addColumn<std::string>("message");
    const std::string model = R"("model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2}, "merges": ["a b"]})";
    const std::string byteLevel = R"({"type": "ByteLevel", "add_prefix_space": false, "use_regex": true})";
    QTest::newRow("WordPiece model") << std::string(R"({"model": {"type": "WordPiece", "vocab": {"a": 0}}})")
                                     << std::string(
                                            "bad.json: tokenizer model type 'WordPiece' is not supported (expected "
                                            "byte-level BPE as in sesame/csm-1b's tokenizer.json)");
    QTest::newRow("Unigram model") << std::string(R"({"model": {"type": "Unigram", "vocab": [["a", 0.0]]}})")
                                   << std::string("bad.json: tokenizer model type 'Unigram' is not supported");
    QTest::newRow("malformed JSON") << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 0},)")
                                    << std::string("bad.json: not valid JSON (parse error");
    QTest::newRow("not an object") << std::string("[1, 2]")
                                   << std::string("bad.json: the top level must be a JSON object");
    QTest::newRow("no model") << std::string("{}") << std::string("bad.json: missing field 'model'");
    QTest::newRow("no model type") << std::string(R"({"model": {"vocab": {}}})")
                                   << std::string("bad.json: missing field 'model.type'");
    QTest::newRow("no vocabulary") << std::string(R"({"model": {"type": "BPE", "merges": []}})")
                                   << std::string("bad.json: missing field 'model.vocab'");
    QTest::newRow("vocabulary id not a number")
        << std::string(R"({"model": {"type": "BPE", "vocab": {"a": "zero"}, "merges": []}})")
        << std::string("bad.json: 'model.vocab[\"a\"]' must be a token id");
    QTest::newRow("huge token id")
        << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 2000000000}, "merges": []}})")
        << std::string("bad.json: 'model.vocab[\"a\"]' must be a token id (an integer from 0 to 16777215)");
    QTest::newRow("no merges") << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 0}}})")
                               << std::string("bad.json: missing field 'model.merges'");
    QTest::newRow("merge with unknown token")
        << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 0, "ab": 2}, "merges": ["a b"]}})")
        << std::string(
               "bad.json: 'model.merges[0]' (\"a\" + \"b\") refers to token \"b\", "
               "which is not in 'model.vocab'");
    QTest::newRow("merge result not in vocabulary")
        << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": [["a", "b"]]}})")
        << std::string("refers to token \"ab\", which is not in 'model.vocab'");
    QTest::newRow("merge without a space")
        << std::string(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["ab"]}})")
        << std::string("bad.json: 'model.merges[0]' is \"ab\"; expected two tokens separated by one space");
    QTest::newRow("dropout") << std::string(R"({"model": {"type": "BPE", "dropout": 0.1, "vocab": {}, "merges": []}})")
                             << std::string("bad.json: 'model.dropout' is set");
    QTest::newRow("byte fallback")
        << std::string(R"({"model": {"type": "BPE", "byte_fallback": true, "vocab": {}, "merges": []}})")
        << std::string("bad.json: 'model.byte_fallback' is true");
    QTest::newRow("normalizer") << "{" + model + R"(, "normalizer": {"type": "NFC"}})"
                                << std::string("bad.json: normalizer 'NFC' is not supported");
    QTest::newRow("no pre-tokenizer") << "{" + model + "}" << std::string("bad.json: missing field 'pre_tokenizer'");
    QTest::newRow("unsupported pre-tokenizer")
        << "{" + model + R"(, "pre_tokenizer": {"type": "Whitespace"}})"
        << std::string("bad.json: pre-tokenizer 'Whitespace' at 'pre_tokenizer' is not supported");
    QTest::newRow("no ByteLevel step")
        << "{" + model +
               R"(, "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\s+"}, "behavior": "Isolated"}})"
        << std::string("bad.json: 'pre_tokenizer' has no ByteLevel step");
    QTest::newRow("Split behaviour Removed")
        << "{" + model + R"(, "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\s+"}, "behavior": "Removed"}})"
        << std::string("bad.json: 'pre_tokenizer.behavior' is 'Removed'; only 'Isolated' is supported");
    // Not a raw string literal: moc 6.4 mis-lexes this one and then finds no Q_OBJECT class.
    QTest::newRow("bad regex")
        << "{" + model +
               ", \"pre_tokenizer\": {\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"Split\", \"pattern\": "
               "{\"Regex\": \"[z\"}, \"behavior\": \"Isolated\"}]}}"
        << std::string("bad.json: 'pre_tokenizer.pretokenizers[0].pattern.Regex': cannot compile the pattern");
    QTest::newRow("unsupported post-processor")
        << "{" + model + R"(, "pre_tokenizer": )" + byteLevel + R"(, "post_processor": {"type": "BertProcessing"}})"
        << std::string("bad.json: post-processor 'BertProcessing' at 'post_processor' is not supported");
    QTest::newRow("template names unknown token")
        << "{" + model + R"(, "pre_tokenizer": )" + byteLevel +
               R"(, "post_processor": {"type": "TemplateProcessing", "special_tokens": {}, "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}]}})"
        << std::string(
               "bad.json: 'post_processor.single[0]' names special token \"<s>\", which is not in "
               "'post_processor.special_tokens'");
    QTest::newRow("added token without content") << "{" + model + R"(, "added_tokens": [{"id": 5}]})"
                                                 << std::string("bad.json: missing field 'added_tokens[0].content'");
    QTest::newRow("unsupported decoder") << "{" + model + R"(, "pre_tokenizer": )" + byteLevel +
                                                R"(, "decoder": {"type": "WordPiece"}})"
                                         << std::string(
                                                "bad.json: decoder 'WordPiece' is not supported (expected ByteLevel)");
  }

  void badTokenizerJson() {
    QFETCH(std::string, json);
    QFETCH(std::string, message);
    const std::string actual = inputErrorOf([&] { csm::TextTokenizer::from_json(json, "bad.json"); });
    QVERIFY2(actual.find(message) != std::string::npos, actual.c_str());
  }

  void missingFile() {
    const std::string path = "/nonexistent/csm/tokenizer.json";
    const std::string message = inputErrorOf([&] { csm::TextTokenizer::from_file(path); });
    // The reason is strerror's, in the user's language, so only the start is fixed.
    QVERIFY2(message.rfind(path + ": cannot open tokenizer file (", 0) == 0, message.c_str());
  }

  void directoryInsteadOfFile() {
    const std::string message = inputErrorOf([] { csm::TextTokenizer::from_file(CSM_TESTS_DIR); });
    QCOMPARE(message, std::string(CSM_TESTS_DIR) + ": is a directory; expected the tokenizer.json file itself");
  }

  void invalidUtf8_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("message");
    QTest::newRow("stray byte") << std::string("ab\xFF") << std::string("byte 0xff at byte offset 2");
    QTest::newRow("lone continuation byte") << std::string("\x80x") << std::string("byte 0x80 at byte offset 0");
    QTest::newRow("truncated character") << std::string("ok \xE6\x97") << std::string("byte 0xe6 at byte offset 3");
    QTest::newRow("overlong encoding") << std::string("a\xC0\xAF") << std::string("byte 0xc0 at byte offset 1");
    QTest::newRow("surrogate") << std::string("\xED\xA0\x80") << std::string("byte 0xed at byte offset 0");
    QTest::newRow("above U+10FFFF") << std::string("\xF4\x90\x80\x80") << std::string("byte 0xf4 at byte offset 0");
  }

  void invalidUtf8() {
    QFETCH(std::string, text);
    QFETCH(std::string, message);
    const auto tokenizer = TinyTokenizer().load();
    const std::string actual = inputErrorOf([&] { tokenizer.encode(text); });
    QCOMPARE(actual, "text to tokenize is not valid UTF-8: " + message);
  }

  // Ids made by the `tokenizers` library from a small BPE it trained (tools/make_tokenizer_fixture.py).
  void goldenFixture_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Ids>("ids");
    QTest::addColumn<Ids>("idsRaw");
    QFile reference(QStringLiteral(CSM_FIXTURES_DIR "/tokenizer/reference_ids.json"));
    if (!QFile::exists(QStringLiteral(CSM_FIXTURES_DIR "/tokenizer/tokenizer.json")) ||
        !reference.open(QIODevice::ReadOnly)) {
      QSKIP(
          "tests/fixtures/tokenizer/ is missing: run tools/make_tokenizer_fixture.py on the GPU machine "
          "(it needs Python `tokenizers`)");
    }
    const QJsonObject root = QJsonDocument::fromJson(reference.readAll()).object();
    const QJsonArray corpus = root.value(QStringLiteral("corpus")).toArray();
    const QJsonArray ids = root.value(QStringLiteral("ids")).toArray();
    const QJsonArray idsRaw = root.value(QStringLiteral("ids_raw")).toArray();
    QVERIFY(!corpus.isEmpty() && ids.size() == corpus.size() && idsRaw.size() == corpus.size());
    for (int i = 0; i < corpus.size(); ++i) {
      QTest::addRow("%d", i) << corpus[i].toString().toStdString() << toIds(ids[i].toArray())
                             << toIds(idsRaw[i].toArray());
    }
  }

  void goldenFixture() {
    QFETCH(std::string, text);
    QFETCH(Ids, ids);
    QFETCH(Ids, idsRaw);
    static const auto tokenizer = csm::TextTokenizer::from_file(CSM_FIXTURES_DIR "/tokenizer/tokenizer.json");
    QCOMPARE(tokenizer.encode(text), ids);
    QCOMPARE(tokenizer.encode_raw(text), idsRaw);
    QCOMPARE(tokenizer.decode(idsRaw), text);
  }

 private:
  // With ignore_merges and every expected pre-token in the vocabulary, the ids spell out the split.
  static void checkPreTokens(const std::string& preTokenizer, const std::string& text, const Strings& preTokens) {
    TinyTokenizer tiny;
    tiny.preTokenizer = preTokenizer;
    tiny.ignoreMerges = true;
    Strings expected;
    for (const auto& preToken : preTokens) expected.push_back(byteLevel(preToken));
    tiny.extraTokens = expected;
    const auto tokenizer = tiny.load();
    QCOMPARE(tokenizer.encode_raw(text), idsOf(tokenizer, expected));
  }
};

QTEST_GUILESS_MAIN(TestTextTokenizer)
#include "test_text_tokenizer.moc"
