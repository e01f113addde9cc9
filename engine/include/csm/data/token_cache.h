// On-disk cache of codec tokens per segment. The key hashes the segment's 16-bit samples, the
// processing parameters and the codec's identity, so a re-import or a second training run encodes
// nothing twice, and any change of audio, parameters or codec misses. Each entry carries a
// checksum of its header and codes; a damaged entry (truncated, bit flips, wrong shape) is
// deleted and re-encoded, never used.
//
//   TokenCache cache(dataset_dir + "/token-cache");
//   std::string key = TokenCache::make_key(pcm16, params_fingerprint, encoder.identity());
//   auto frames = cache.get_or_encode(key, samples, encoder);   // [frames][codebooks]
//
// Entry file `<dir>/<key[0:2]>/<key>.tok`, little-endian:
//   "CSMTOK01" | u32 codebooks | u32 frames | u64 key-hash | i32 codes[frames*codebooks] | u64 xxh64
// Writes are atomic, so concurrent importers sharing a cache never see half an entry.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "csm/data/frame_encoder.h"

namespace csm::data {

using TokenFrames = std::vector<std::vector<int32_t>>;  // [frames][codebooks]

class TokenCache {
 public:
  explicit TokenCache(std::string dir);

  static std::string make_key(const std::vector<int16_t>& pcm16, const std::string& params_fingerprint,
                              const std::string& codec_identity);

  // The cached frames when the entry exists and is intact. A damaged entry is removed, counted in
  // damaged(), and nullopt is returned.
  std::optional<TokenFrames> load(const std::string& key);
  // Throws csm::WriteError.
  void store(const std::string& key, const TokenFrames& frames);
  // load() or, on a miss, encode `samples` and store the result.
  TokenFrames get_or_encode(const std::string& key, const std::vector<float>& samples, AudioFrameEncoder& encoder);

  std::string entry_path(const std::string& key) const;
  const std::string& dir() const { return dir_; }
  int hits() const { return hits_; }
  int misses() const { return misses_; }
  int damaged() const { return damaged_; }

 private:
  std::string dir_;
  std::atomic<int> hits_{0}, misses_{0}, damaged_{0};
};

}  // namespace csm::data
