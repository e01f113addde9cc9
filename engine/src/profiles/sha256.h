// Incremental SHA-256 (FIPS 180-4), internal to the profiles stage: model identity hashes and
// archive checksums. Plain C++, no crypto library; about 200 MB/s, which is plenty for the ~1 MiB
// an identity reads and for checksumming an exported profile once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace csm {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t size);
  std::string hex();  // finishes the hash: lower-case hex digest; call once

 private:
  void block(const uint8_t* p);
  uint32_t state_[8];
  uint8_t buffer_[64] = {};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

}  // namespace csm
