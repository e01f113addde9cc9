// XXH64 (Yann Collet's xxHash, 64-bit variant), written out here because the data stage needs a
// fast, stable content hash for duplicate detection, cache keys and cache checksums, and the
// engine links no hashing library. Not cryptographic: collisions are astronomically unlikely for
// honest data, which is all a cache key needs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace csm::data {

uint64_t xxh64(const void* data, std::size_t size, uint64_t seed = 0);
inline uint64_t xxh64(std::string_view s, uint64_t seed = 0) { return xxh64(s.data(), s.size(), seed); }
// 16 lowercase hex digits.
std::string hex64(uint64_t v);

}  // namespace csm::data
