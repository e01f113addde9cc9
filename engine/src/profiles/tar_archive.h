// A minimal POSIX ustar reader and writer for voice profile archives (internal to the profiles
// stage). Only what the archives need: regular files and folders, names up to 255 bytes (ustar
// prefix + name), sizes beyond 8 GiB in GNU base-256 form. Links, devices and pax/GNU extension
// headers are refused when reading, so extracting can never write outside the target folder.
// Both sides compute each file's SHA-256 while streaming it.
#pragma once
#include <cstdint>
#include <fstream>
#include <map>
#include <string>

#include "csm/atomic_file.h"

namespace csm {

class TarWriter {
 public:
  explicit TarWriter(const ChunkWriter& out) : out_(out) {}
  void add_directory(const std::string& name);
  void add_bytes(const std::string& name, const std::string& content);  // also checksummed
  void add_file(const std::string& name, const std::string& source_path);  // streamed, checksummed
  // "<sha256>  <name>\n" lines for every file added so far (sha256sum -c format).
  std::string checksums() const;
  void finish();  // the two zero blocks that end an archive
  uint64_t bytes_written() const { return written_; }

 private:
  void header(const std::string& name, uint64_t size, char type);
  void put(const void* data, size_t size);
  void pad(uint64_t size);
  const ChunkWriter& out_;
  std::map<std::string, std::string> sums_;
  uint64_t written_ = 0;
};

struct TarEntry {
  std::string name;
  uint64_t size = 0;
  bool directory = false;
};

class TarReader {
 public:
  explicit TarReader(const std::string& path);  // throws csm::InputError naming the archive
  // The next entry, or false at the end. Names are checked: relative, no "..", no "//".
  bool next(TarEntry& entry);
  std::string read_bytes(uint64_t limit);                    // the current file's content (<= limit bytes)
  std::string extract_to(const std::string& target_path);   // streams to a file; returns its sha256
  void skip();

 private:
  [[noreturn]] void fail(const std::string& what) const;
  std::string path_;
  std::ifstream in_;
  uint64_t remaining_ = 0;  // unread bytes of the current entry
  uint64_t padding_ = 0;    // zero bytes after it
};

}  // namespace csm
