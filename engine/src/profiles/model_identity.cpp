// Torch-free CSM checkpoint checks and the model identity hash (see model_identity.h), with a small
// self-contained SHA-256 (FIPS 180-4) so the engine needs no crypto library.
#include "csm/profiles/model_identity.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/model_config.h"
#include "sha256.h"

namespace fs = std::filesystem;

namespace csm {

// ---------------------------------------------------------------------------------------------
// SHA-256

namespace {
constexpr std::array<uint32_t, 64> kK = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
}  // namespace

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::block(const uint8_t* p) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = (uint32_t(p[4 * i]) << 24) | (uint32_t(p[4 * i + 1]) << 16) | (uint32_t(p[4 * i + 2]) << 8) | p[4 * i + 3];
  for (int i = 16; i < 64; ++i) {
    const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3], e = state_[4], f = state_[5], g = state_[6],
           h = state_[7];
  for (int i = 0; i < 64; ++i) {
    const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kK[i] + w[i];
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  state_[0] += a; state_[1] += b; state_[2] += c; state_[3] += d;
  state_[4] += e; state_[5] += f; state_[6] += g; state_[7] += h;
}

void Sha256::update(const void* data, size_t size) {
  const auto* p = static_cast<const uint8_t*>(data);
  length_ += size;
  if (buffered_ > 0) {
    const size_t take = std::min(size, size_t(64) - buffered_);
    std::memcpy(buffer_ + buffered_, p, take);
    buffered_ += take; p += take; size -= take;
    if (buffered_ < 64) return;
    block(buffer_);
    buffered_ = 0;
  }
  for (; size >= 64; p += 64, size -= 64) block(p);
  std::memcpy(buffer_, p, size);
  buffered_ = size;
}

std::string Sha256::hex() {
  const uint64_t bits = length_ * 8;
  const uint8_t pad = 0x80;
  update(&pad, 1);
  const uint8_t zero = 0;
  while (buffered_ != 56) update(&zero, 1);
  uint8_t len[8];
  for (int i = 0; i < 8; ++i) len[i] = uint8_t(bits >> (56 - 8 * i));
  update(len, 8);
  char out[65];
  for (int i = 0; i < 8; ++i) std::snprintf(out + 8 * i, 9, "%08x", state_[i]);
  return std::string(out, 64);
}

std::string sha256_hex(const std::string& bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

// ---------------------------------------------------------------------------------------------
// Checkpoint checks

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw InputError(path + ": " + what); }

// torch.save writes a zip ("PK\x03\x04"); very old ones a raw pickle (protocol 2+ starts 0x80).
void check_torch_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {0, 0, 0, 0};
  if (!in || !in.read(magic, 4)) fail(file.string(), "cannot read it, or it is shorter than 4 bytes");
  const bool zip = magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  const bool pickle = static_cast<unsigned char>(magic[0]) == 0x80;
  if (!zip && !pickle)
    fail(file.string(), "is not a torch.save checkpoint (expected a zip or pickle file, like Sesame's ckpt.pt)");
}

// Reads the safetensors header length (8 bytes little-endian) and the JSON header.
std::string safetensors_header(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char len_bytes[8];
  if (!in || !in.read(reinterpret_cast<char*>(len_bytes), 8))
    fail(file.string(), "cannot read the safetensors header (is the file complete?)");
  uint64_t len = 0;
  for (int i = 7; i >= 0; --i) len = (len << 8) | len_bytes[i];
  std::error_code ec;
  const uint64_t size = fs::file_size(file, ec);
  if (ec || len == 0 || len > 100u * 1024 * 1024 || 8 + len > size)
    fail(file.string(), "is not a safetensors file (bad header length); re-save or re-download it");
  std::string header(len, '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(len)))
    fail(file.string(), "cannot read the safetensors header (is the file complete?)");
  if (header[0] != '{') fail(file.string(), "is not a safetensors file (its header is not a JSON object)");
  return std::string(reinterpret_cast<const char*>(len_bytes), 8) + header;
}

std::vector<fs::path> safetensors_shards(const fs::path& index) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(read_file(index.string()));
  } catch (const nlohmann::json::parse_error& e) {
    fail(index.string(), std::string("not valid JSON (") + e.what() + ")");
  }
  if (!root.is_object() || !root.contains("weight_map") || !root["weight_map"].is_object())
    fail(index.string(), "has no 'weight_map' object (not a sharded safetensors index)");
  std::set<std::string> names;
  for (const auto& v : root["weight_map"]) {
    if (!v.is_string()) fail(index.string(), "'weight_map' values must be shard file names");
    names.insert(v.get<std::string>());
  }
  std::vector<fs::path> out;
  for (const auto& n : names) {
    if (n.find('/') != std::string::npos) fail(index.string(), "shard name '" + n + "' must be a plain file name");
    out.push_back(index.parent_path() / n);
  }
  return out;
}

struct Layout {
  fs::path config;                 // empty when none
  std::vector<fs::path> weights;   // the tensors
  std::vector<fs::path> extras;    // index files, generation config, tokenizer
};

Layout layout_of(const std::string& path_string) {
  const fs::path path(path_string);
  std::error_code ec;
  if (!fs::exists(path, ec))
    fail(path_string, "no such file or folder (the model path must point to a CSM model folder with config.json "
                      "and model.safetensors, or to Sesame's ckpt.pt)");
  Layout l;
  const bool is_dir = fs::is_directory(path, ec);
  const fs::path dir = is_dir ? path : path.parent_path();
  for (const char* extra : {"generation_config.json", "tokenizer.json", "tokenizer_config.json",
                            "special_tokens_map.json"})
    if (fs::is_regular_file(dir / extra, ec)) l.extras.push_back(dir / extra);
  if (fs::is_regular_file(dir / "config.json", ec)) l.config = dir / "config.json";

  if (is_dir) {
    if (fs::is_regular_file(path / "model.safetensors", ec)) {
      l.weights.push_back(path / "model.safetensors");
    } else if (fs::is_regular_file(path / "model.safetensors.index.json", ec)) {
      l.extras.push_back(path / "model.safetensors.index.json");
      l.weights = safetensors_shards(path / "model.safetensors.index.json");
    } else if (fs::is_regular_file(path / "ckpt.pt", ec)) {
      l.weights.push_back(path / "ckpt.pt");
    } else {
      fail(path_string, "is not a CSM checkpoint: no model.safetensors, model.safetensors.index.json or ckpt.pt in it");
    }
    if (l.weights[0].extension() == ".safetensors" && l.config.empty())
      fail(path_string, "has weights but no config.json; copy the model's config.json into the folder");
  } else {
    const std::string ext = path.extension().string();
    if (ext == ".safetensors") {
      if (l.config.empty()) fail(path_string, "has no config.json beside it; copy the model's config.json there");
      l.weights.push_back(path);
    } else if (ext == ".pt" || ext == ".pth") {
      l.weights.push_back(path);
    } else {
      fail(path_string, "is not a CSM checkpoint (expected a model folder, a .safetensors file with config.json "
                        "beside it, or a .pt file)");
    }
  }
  return l;
}

}  // namespace

void check_csm_checkpoint(const std::string& path) {
  const Layout l = layout_of(path);
  // read_model_config checks model_type == "csm" and that the numbers describe a model.
  if (!l.config.empty()) read_model_config(l.config.string());
  for (const auto& w : l.weights) {
    std::error_code ec;
    if (!fs::is_regular_file(w, ec)) fail(w.string(), "is missing (listed by the checkpoint's index)");
    if (w.extension() == ".safetensors") {
      safetensors_header(w);
    } else {
      check_torch_file(w);
    }
  }
}

std::vector<std::string> checkpoint_files(const std::string& path) {
  const Layout l = layout_of(path);
  std::vector<std::string> out;
  if (!l.config.empty()) out.push_back(l.config.string());
  for (const auto& e : l.extras) out.push_back(e.string());
  for (const auto& w : l.weights) out.push_back(w.string());
  return out;
}

std::string model_identity(const std::string& path) {
  const Layout l = layout_of(path);
  Sha256 h;
  const std::string tag = "csm-model-identity-v1\n";
  h.update(tag.data(), tag.size());
  if (!l.config.empty()) {
    const std::string config = read_file(l.config.string());
    h.update(config.data(), config.size());
  }
  std::vector<fs::path> weights = l.weights;
  std::sort(weights.begin(), weights.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  constexpr uint64_t kWindow = 64 * 1024;
  constexpr uint64_t kWindows = 16;
  std::vector<char> buf(kWindow);
  for (const auto& w : weights) {
    std::error_code ec;
    const uint64_t size = fs::file_size(w, ec);
    if (ec) fail(w.string(), "cannot read its size (" + ec.message() + ")");
    const std::string head = w.filename().string() + "\n" + std::to_string(size) + "\n";
    h.update(head.data(), head.size());
    if (w.extension() == ".safetensors") {
      const std::string header = safetensors_header(w);
      h.update(header.data(), header.size());
    }
    std::ifstream in(w, std::ios::binary);
    if (!in) fail(w.string(), "cannot open it for reading");
    auto hash_range = [&](uint64_t offset, uint64_t count) {
      in.seekg(static_cast<std::streamoff>(offset));
      while (count > 0) {
        const uint64_t n = std::min<uint64_t>(count, buf.size());
        if (!in.read(buf.data(), static_cast<std::streamsize>(n))) fail(w.string(), "cannot read it (truncated?)");
        h.update(buf.data(), n);
        count -= n;
      }
    };
    if (size <= kWindow * kWindows) {
      hash_range(0, size);
    } else {
      for (uint64_t i = 0; i < kWindows; ++i) hash_range((size - kWindow) / (kWindows - 1) * i, kWindow);
    }
  }
  return "sha256:" + h.hex();
}

}  // namespace csm
