// CSM model configuration: plain structs read from a CsmForConditionalGeneration `config.json`
// (the `sesame/csm-1b` layout), plus the named presets `csm-1b` and `tiny`.
//
//   csm::CsmConfig cfg = csm::read_model_config("models/csm-1b/config.json");
//   csm::CsmConfig tiny = csm::preset_config("tiny");
//
// Both the transformers 5 spelling (`rope_parameters`) and the 4.x one (`rope_theta` +
// `rope_scaling`) are read. Missing or ill-typed fields throw csm::InputError naming the file and the
// field; inconsistent ones (heads not dividing the hidden size, ...) too.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace csm {

struct RopeConfig {
  std::string type = "default";  // "default" or "llama3"
  double theta = 500000.0;
  double factor = 1.0;           // llama3 only
  double low_freq_factor = 1.0;
  double high_freq_factor = 4.0;
  int64_t original_max_position_embeddings = 8192;
};

// One Llama-style transformer stack (the backbone or the depth decoder).
struct TransformerConfig {
  int64_t hidden_size = 0;
  int64_t intermediate_size = 0;
  int64_t num_layers = 0;
  int64_t num_heads = 0;
  int64_t num_kv_heads = 0;
  int64_t head_dim = 0;
  int64_t max_position_embeddings = 0;
  double rms_norm_eps = 1e-5;
  RopeConfig rope;
};

// The Mimi codec section; read here so a folder is validated as a whole, used by the codec.
struct CodecConfig {
  int64_t sampling_rate = 24000;
  int64_t hidden_size = 512;
  int64_t num_filters = 64;
  int64_t codebook_size = 2048;
  int64_t codebook_dim = 256;
  int64_t num_quantizers = 32;
  int64_t num_semantic_quantizers = 1;
  int64_t num_hidden_layers = 8;
  std::vector<int64_t> upsampling_ratios{8, 6, 5, 4};
  std::string raw_json;  // the whole section, for the codec's own reader
};

struct CsmConfig {
  TransformerConfig backbone;
  TransformerConfig depth;              // depth decoder
  int64_t num_codebooks = 32;
  int64_t audio_vocab_size = 2051;      // per codebook: codec codebook size + specials
  int64_t text_vocab_size = 128256;
  int64_t codebook_pad_token_id = 2050;
  int64_t codebook_eos_token_id = 0;
  int64_t bos_token_id = 128000;
  int64_t audio_token_id = 128002;
  int64_t audio_eos_token_id = 128003;
  CodecConfig codec;

  // Throws csm::InputError("<source>: <what>") when the numbers cannot describe a model.
  void validate(const std::string& source) const;
  std::string to_json() const;  // config.json text in the transformers 5 layout
};

CsmConfig read_model_config(const std::string& config_json_path);
CsmConfig parse_model_config(const std::string& json_text, const std::string& source_name);
CsmConfig preset_config(const std::string& name);  // "csm-1b" or "tiny"; throws std::invalid_argument
std::vector<std::string> preset_names();

}  // namespace csm
