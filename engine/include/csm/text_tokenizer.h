// Text tokenizer for CSM: the byte-level BPE of a Hugging Face `tokenizer.json` (Llama-3 style).
//
//   auto tok = csm::TextTokenizer::from_file("csm-1b/tokenizer.json");
//   std::vector<int32_t> ids = tok.encode_speaker_text(0, "Hello there.");  // "[0]Hello there." + BOS/EOS
//
// Supports: model.type "BPE" with byte_level pre-tokenization (the Llama-3 split regex run with
// PCRE2), merges in either the "a b" string or ["a","b"] pair form, added/special tokens matched
// before splitting, and the TemplateProcessing post-processor (BOS/EOS). A tokenizer.json of another
// model type, or one that is malformed, throws csm::InputError naming the file and the field.
// Input text must be valid UTF-8 (csm::InputError otherwise, with the byte offset).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace csm {

class TextTokenizer {
 public:
  static TextTokenizer from_file(const std::string& path);
  static TextTokenizer from_json(const std::string& json_text, const std::string& source_name);
  TextTokenizer(TextTokenizer&&) noexcept;
  TextTokenizer& operator=(TextTokenizer&&) noexcept;
  ~TextTokenizer();

  // Ids of `text` without post-processing (no BOS/EOS), special tokens recognised in the text.
  std::vector<int32_t> encode_raw(const std::string& text) const;
  // Ids with the post-processor's template applied (BOS ... EOS for CSM's tokenizer).
  std::vector<int32_t> encode(const std::string& text) const;
  // CSM's segment format as Sesame's generator builds it: <|begin_of_text|> "[<speaker>]<text>"
  // <|end_of_text|>, independent of the file's post-processor template.
  std::vector<int32_t> encode_speaker_text(int speaker, const std::string& text) const;
  std::string decode(const std::vector<int32_t>& ids, bool skip_special = false) const;

  int32_t token_to_id(const std::string& token) const;  // -1 when absent
  int32_t vocab_size() const;                           // highest id + 1, added tokens included
  int32_t bos_id() const;                               // -1 when the template has none
  int32_t eos_id() const;

 private:
  struct Impl;
  explicit TextTokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace csm
