// Mimi codec configuration (internal, torch-free): transformers' MimiConfig fields and the sizes
// derived from them, read from a `config.json` (model_type "mimi") or from the `codec_config`
// section of a CSM config.
//
// Only what Mimi checkpoints use is supported: causal convolutions, trim_right_ratio 1.0, GELU MLPs,
// default RoPE, identity residual shortcuts. Anything else throws csm::InputError naming the field,
// so an exotic config fails when it is read, not with a shape error later.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace csm {

struct MimiConfig {
  int64_t sampling_rate = 24000;
  int64_t audio_channels = 1;
  int64_t hidden_size = 512;
  int64_t num_filters = 64;
  int64_t num_residual_layers = 1;
  std::vector<int64_t> upsampling_ratios{8, 6, 5, 4};  // decoder order; the encoder runs them reversed
  int64_t kernel_size = 7;
  int64_t last_kernel_size = 3;
  int64_t residual_kernel_size = 3;
  int64_t dilation_growth_rate = 2;
  std::string pad_mode = "constant";  // "constant" or "replicate" (the down-sampling conv is always "replicate")
  int64_t compress = 2;
  int64_t codebook_size = 2048;
  int64_t codebook_dim = 256;
  int64_t num_quantizers = 32;
  int64_t vector_quantization_hidden_dimension = 256;
  int64_t num_semantic_quantizers = 1;
  int64_t upsample_groups = 512;
  int64_t num_hidden_layers = 8;
  int64_t intermediate_size = 2048;
  int64_t num_attention_heads = 8;
  int64_t num_key_value_heads = 8;
  int64_t head_dim = 64;
  int64_t max_position_embeddings = 8000;
  double norm_eps = 1e-5;
  double rope_theta = 10000.0;
  int64_t sliding_window = 250;     // keys a query may see, itself included (Moshi's `context`)
  bool attention_bias = false;
  double frame_rate_override = 0;   // the config's explicit (`_`)frame_rate, 0 when derived

  // ---- derived sizes ----
  int64_t hop_length() const;          // product of the ratios: samples per encoder (25 Hz) step
  int64_t encodec_frame_rate() const;  // ceil(sampling_rate / hop_length), 25 for Mimi
  double frame_rate() const;           // 12.5 for Mimi
  int64_t frame_size() const;          // samples per code frame: hop_length * 2 with the down-sampling, 1920
  bool has_resampling() const;         // frame_rate != encodec_frame_rate (Mimi: true)
  int64_t resample_kernel() const;     // 2 * int(encodec_frame_rate / frame_rate) = 4
  // Code frames for `samples` input samples (transformers' get_encoded_length).
  int64_t encoded_length(int64_t samples) const;

  // Throws csm::InputError("<source>: ...") when the numbers cannot describe a Mimi model.
  void validate(const std::string& source) const;
  std::string to_json() const;  // a transformers-style MimiConfig config.json
};

// `json_text` is a MimiConfig object (a kyutai/mimi config.json or a CSM codec_config section).
MimiConfig parse_mimi_config(const std::string& json_text, const std::string& source_name);

// Where a Mimi codec's configuration is found in a config.json: model_type "mimi" (the whole file)
// or "csm" (its codec_config section). Returns false for any other model type.
bool read_mimi_config_file(const std::string& config_json_path, MimiConfig* out, bool* is_csm_folder);

}  // namespace csm
