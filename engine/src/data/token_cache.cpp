// Token cache entries: a fixed header, the codes, and an xxh64 over everything before it.
#include "csm/data/token_cache.h"
#include <cstdint>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "data/hash.h"

namespace fs = std::filesystem;

namespace csm::data {
namespace {

constexpr char kMagic[8] = {'C', 'S', 'M', 'T', 'O', 'K', '0', '1'};
constexpr size_t kHeader = 8 + 4 + 4 + 8;

template <typename T>
void put(std::string& s, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  s.append(b, sizeof(T));
}
template <typename T>
T get(const std::string& s, size_t off) {
  T v;
  std::memcpy(&v, s.data() + off, sizeof(T));
  return v;
}

}  // namespace

TokenCache::TokenCache(std::string dir) : dir_(std::move(dir)) {}

std::string TokenCache::make_key(const std::vector<int16_t>& pcm16, const std::string& params_fingerprint,
                                 const std::string& codec_identity) {
  const uint64_t audio = xxh64(pcm16.data(), pcm16.size() * sizeof(int16_t));
  const std::string material = hex64(audio) + "|" + std::to_string(pcm16.size()) + "|" + params_fingerprint + "|" + codec_identity;
  // Two independent 64-bit hashes: a 128-bit key makes accidental collisions a non-issue.
  return hex64(xxh64(material, 1)) + hex64(xxh64(material, 2));
}

std::string TokenCache::entry_path(const std::string& key) const {
  return (fs::path(dir_) / key.substr(0, 2) / (key + ".tok")).string();
}

std::optional<TokenFrames> TokenCache::load(const std::string& key) {
  const std::string path = entry_path(key);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      ++misses_;
      return std::nullopt;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto damaged = [&]() -> std::optional<TokenFrames> {
    std::error_code ec;
    fs::remove(path, ec);
    ++damaged_;
    ++misses_;
    return std::nullopt;
  };
  if (bytes.size() < kHeader + 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) return damaged();
  const uint32_t books = get<uint32_t>(bytes, 8), frames = get<uint32_t>(bytes, 12);
  const uint64_t key_hash = get<uint64_t>(bytes, 16);
  const uint64_t expected_size = kHeader + uint64_t(books) * frames * 4 + 8;
  if (bytes.size() != expected_size || key_hash != xxh64(key)) return damaged();
  if (get<uint64_t>(bytes, bytes.size() - 8) != xxh64(bytes.data(), bytes.size() - 8)) return damaged();
  TokenFrames out(frames, std::vector<int32_t>(books));
  for (uint32_t f = 0; f < frames; ++f)
    std::memcpy(out[f].data(), bytes.data() + kHeader + size_t(f) * books * 4, size_t(books) * 4);
  ++hits_;
  return out;
}

void TokenCache::store(const std::string& key, const TokenFrames& frames) {
  const uint32_t books = frames.empty() ? 0 : static_cast<uint32_t>(frames[0].size());
  std::string bytes;
  bytes.reserve(kHeader + frames.size() * books * 4 + 8);
  bytes.append(kMagic, 8);
  put<uint32_t>(bytes, books);
  put<uint32_t>(bytes, static_cast<uint32_t>(frames.size()));
  put<uint64_t>(bytes, xxh64(key));
  for (const auto& f : frames) {
    if (f.size() != books) throw std::invalid_argument("token frames must all have the same number of codebooks");
    bytes.append(reinterpret_cast<const char*>(f.data()), f.size() * 4);
  }
  put<uint64_t>(bytes, xxh64(bytes.data(), bytes.size()));
  const std::string path = entry_path(key);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw WriteError(fs::path(path).parent_path().string() + ": cannot create the token cache folder (" + ec.message() + ")");
  write_file_atomically(path, bytes);
}

TokenFrames TokenCache::get_or_encode(const std::string& key, const std::vector<float>& samples, AudioFrameEncoder& encoder) {
  if (auto hit = load(key)) return *hit;
  TokenFrames frames = encoder.encode(samples);
  store(key, frames);
  return frames;
}

}  // namespace csm::data
