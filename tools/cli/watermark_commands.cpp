// `csm watermark verify|embed|key`: check whether an audio file carries this installation's
// watermark (csm/generate/watermark.h), mark a file (for tests and tools), show the key's
// fingerprint. `verify` exits 0 when the file is marked, 3 when it is not, 1 when the file cannot
// be read or holds too little sound to decide, 2 on bad usage.
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "csm/data/audio_file.h"
#include "csm/data/resampler.h"
#include "csm/errors.h"
#include "csm/generate/watermark.h"
#include "command_registry.h"

namespace {

using csm::cli::ParsedArgs;

constexpr int kExitNotMarked = 3;

int cmd_verify(const ParsedArgs& a) {
  if (a.positional.size() != 2) throw std::invalid_argument("watermark verify needs FILE");
  const std::string& file = a.positional[1];
  const auto audio = csm::data::read_audio_file(file);  // InputError -> exit 1
  csm::WatermarkKey key;
  if (a.has("key")) {
    key = csm::load_watermark_key(a.get("key"));
  } else {
    const std::string path = csm::default_watermark_key_path();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      // Verifying must not create a key: with none, nothing here was ever marked.
      std::cout << file << ": no watermark from this installation (it has no watermark key yet at " << path
                << ", so it has not generated any audio)\n";
      return kExitNotMarked;
    }
    key = csm::load_watermark_key(path);
  }
  const auto v = csm::detect_watermark(audio.samples, audio.sample_rate, key);
  std::cout << file << ": " << v.detail << " [key " << key.fingerprint() << "]\n";
  if (!v.conclusive) return 1;
  return v.present ? 0 : kExitNotMarked;
}

int cmd_embed(const ParsedArgs& a) {
  if (a.positional.size() != 3) throw std::invalid_argument("watermark embed needs IN and OUT");
  const auto audio = csm::data::read_audio_file(a.positional[1]);
  const auto key = a.has("key") ? csm::load_watermark_key(a.get("key")) : csm::load_or_create_installation_key();
  csm::WatermarkOptions options;
  if (a.has("strength")) options.strength = std::stod(a.get("strength"));
  const auto audio_24k = csm::data::resample(audio.samples, audio.sample_rate, 24000);
  const auto marked = csm::embed_watermark(audio_24k, key, options);
  csm::data::write_wav_pcm16(a.positional[2], marked, 24000);
  std::cout << a.positional[2] << ": marked with key " << key.fingerprint() << " (24 kHz, 16-bit WAV, "
            << marked.size() / 24000.0 << " s)\n";
  return 0;
}

int cmd_key(const ParsedArgs& a) {
  if (a.positional.size() != 1) throw std::invalid_argument("watermark key takes no arguments");
  const std::string path = a.get("key", csm::default_watermark_key_path());
  const auto key = a.has("key") ? csm::load_watermark_key(path) : csm::load_or_create_installation_key(path);
  std::cout << "key file:    " << path << "\nfingerprint: " << key.fingerprint() << "\n";
  return 0;
}

int run_watermark(const std::vector<std::string>& args) {
  const auto a = csm::cli::parse_args(args);
  if (a.positional.empty()) throw std::invalid_argument("watermark needs verify, embed or key");
  const std::string& sub = a.positional[0];
  if (sub == "verify") return cmd_verify(a);
  if (sub == "embed") return cmd_embed(a);
  if (sub == "key") return cmd_key(a);
  throw std::invalid_argument("unknown watermark command '" + sub + "'");
}

const csm::cli::CommandRegistration kWatermark{
    "watermark",
    "watermark verify FILE [--key KEYFILE]\n"
    "                                does FILE carry this installation's watermark? exit 0 yes, 3 no,\n"
    "                                1 unreadable or too little sound to decide\n"
    "  watermark embed IN OUT [--key KEYFILE] [--strength 0.12]\n"
    "                                write OUT (24 kHz WAV) = IN with the watermark\n"
    "  watermark key [--key KEYFILE]   show the key file and its fingerprint (creating the key)",
    run_watermark};

}  // namespace
