// POSIX ustar reading and writing for voice profile archives (see tar_archive.h).
#include "tar_archive.h"
#include <cstdint>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "csm/errors.h"
#include "csm/profiles/model_identity.h"
#include "sha256.h"

namespace csm {
namespace {

constexpr size_t kBlock = 512;

// Writes `value` as `width - 1` octal digits and a NUL, or in GNU base-256 form when it is too big.
void put_number(char* field, size_t width, uint64_t value) {
  const uint64_t octal_max = (width - 1) * 3 >= 64 ? UINT64_MAX : (uint64_t(1) << ((width - 1) * 3)) - 1;
  if (value <= octal_max) {
    std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), static_cast<unsigned long long>(value));
    return;
  }
  std::memset(field, 0, width);
  field[0] = static_cast<char>(0x80);
  for (size_t i = width - 1; i >= 1 && value; --i, value >>= 8) field[i] = static_cast<char>(value & 0xff);
}

bool parse_number(const char* field, size_t width, uint64_t& out) {
  out = 0;
  if (static_cast<unsigned char>(field[0]) & 0x80) {  // base-256
    for (size_t i = 1; i < width; ++i) {
      if (out >> 56) return false;
      out = (out << 8) | static_cast<unsigned char>(field[i]);
    }
    return true;
  }
  size_t i = 0;
  while (i < width && field[i] == ' ') ++i;
  bool any = false;
  for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
    if (out >> 60) return false;
    out = out * 8 + static_cast<uint64_t>(field[i] - '0');
    any = true;
  }
  return any && (i == width || field[i] == '\0' || field[i] == ' ');
}

bool safe_name(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find("//") != std::string::npos) return false;
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(start, end - start);
    if (part == ".." || part == ".") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

void TarWriter::put(const void* data, size_t size) {
  out_(data, size);
  written_ += size;
}

void TarWriter::pad(uint64_t size) {
  static const char zeros[kBlock] = {};
  const size_t rest = static_cast<size_t>(size % kBlock);
  if (rest) put(zeros, kBlock - rest);
}

void TarWriter::header(const std::string& name_in, uint64_t size, char type) {
  std::string name = name_in, prefix;
  if (name.size() > 100) {
    // Split at a '/' so the prefix (<= 155) and the name (<= 100) both fit.
    size_t cut = name.rfind('/', std::min<size_t>(name.size() - 1, 155));
    while (cut != std::string::npos && name.size() - cut - 1 > 100) cut = std::string::npos;
    if (cut == std::string::npos || cut == 0)
      throw WriteError(name_in + ": file name too long for a profile archive (over 100 bytes after its last folder)");
    prefix = name.substr(0, cut);
    name = name.substr(cut + 1);
  }
  char h[kBlock] = {};
  std::memcpy(h, name.data(), name.size());
  put_number(h + 100, 8, type == '5' ? 0755 : 0644);
  put_number(h + 108, 8, 0);
  put_number(h + 116, 8, 0);
  put_number(h + 124, 12, size);
  put_number(h + 136, 12, static_cast<uint64_t>(std::time(nullptr)));
  std::memset(h + 148, ' ', 8);
  h[156] = type;
  std::memcpy(h + 257, "ustar", 6);
  std::memcpy(h + 263, "00", 2);
  std::memcpy(h + 345, prefix.data(), prefix.size());
  unsigned sum = 0;
  for (size_t i = 0; i < kBlock; ++i) sum += static_cast<unsigned char>(h[i]);
  std::snprintf(h + 148, 7, "%06o", sum);
  h[155] = ' ';
  put(h, kBlock);
}

void TarWriter::add_directory(const std::string& name) { header(name.back() == '/' ? name : name + "/", 0, '5'); }

void TarWriter::add_bytes(const std::string& name, const std::string& content) {
  header(name, content.size(), '0');
  put(content.data(), content.size());
  pad(content.size());
  sums_[name] = sha256_hex(content);
}

void TarWriter::add_file(const std::string& name, const std::string& source_path) {
  std::ifstream in(source_path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError(source_path + ": cannot read it for the archive");
  const uint64_t size = static_cast<uint64_t>(in.tellg());
  in.seekg(0);
  header(name, size, '0');
  Sha256 h;
  std::vector<char> buf(1 << 20);
  uint64_t left = size;
  while (left > 0) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(left, buf.size()));
    if (!in.read(buf.data(), static_cast<std::streamsize>(n)))
      throw InputError(source_path + ": changed or shrank while being archived; try again");
    h.update(buf.data(), n);
    put(buf.data(), n);
    left -= n;
  }
  pad(size);
  sums_[name] = h.hex();
}

std::string TarWriter::checksums() const {
  std::string out;
  for (const auto& [name, sum] : sums_) out += sum + "  " + name + "\n";
  return out;
}

void TarWriter::finish() {
  static const char zeros[2 * kBlock] = {};
  put(zeros, sizeof zeros);
}

// ---------------------------------------------------------------------------------------------

TarReader::TarReader(const std::string& path) : path_(path), in_(path, std::ios::binary) {
  if (!in_) throw InputError(path + ": cannot open the archive");
}

void TarReader::fail(const std::string& what) const { throw InputError(path_ + ": " + what); }

bool TarReader::next(TarEntry& entry) {
  skip();
  char h[kBlock];
  if (!in_.read(h, kBlock)) {
    if (in_.gcount() == 0) fail("archive ends without its end marker (truncated download?)");
    fail("archive is truncated in a header");
  }
  if (std::all_of(h, h + kBlock, [](char c) { return c == 0; })) return false;
  unsigned sum = 0;
  for (size_t i = 0; i < kBlock; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
  uint64_t stored = 0;
  if (!parse_number(h + 148, 8, stored) || stored != sum)
    fail("not a tar archive, or damaged (header checksum mismatch); export the profile again");
  if (std::memcmp(h + 257, "ustar", 5) != 0) fail("not a ustar tar archive (CSM profile archives are ustar)");
  std::string name(h, strnlen(h, 100));
  const std::string prefix(h + 345, strnlen(h + 345, 155));
  if (!prefix.empty()) name = prefix + "/" + name;
  if (!parse_number(h + 124, 12, entry.size)) fail("entry '" + name + "' has an unreadable size");
  const char type = h[156];
  entry.directory = type == '5';
  if (type != '0' && type != '\0' && type != '5')
    fail("entry '" + name + "' is a link or special file; profile archives hold only plain files and folders");
  if (entry.directory) {
    while (!name.empty() && name.back() == '/') name.pop_back();
    entry.size = 0;
  }
  if (!safe_name(name)) fail("entry '" + name + "' has an unsafe name (absolute, or with '..')");
  entry.name = name;
  remaining_ = entry.size;
  padding_ = (kBlock - entry.size % kBlock) % kBlock;
  return true;
}

std::string TarReader::read_bytes(uint64_t limit) {
  if (remaining_ > limit) fail("an entry is larger than expected (" + std::to_string(remaining_) + " bytes)");
  std::string out(remaining_, '\0');
  if (!in_.read(out.data(), static_cast<std::streamsize>(remaining_))) fail("archive is truncated");
  remaining_ = 0;
  return out;
}

std::string TarReader::extract_to(const std::string& target_path) {
  Sha256 h;
  std::vector<char> buf(1 << 20);
  write_file_atomically(target_path, [&](const ChunkWriter& write) {
    while (remaining_ > 0) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(remaining_, buf.size()));
      if (!in_.read(buf.data(), static_cast<std::streamsize>(n))) fail("archive is truncated");
      h.update(buf.data(), n);
      write(buf.data(), n);
      remaining_ -= n;
    }
  });
  return h.hex();
}

void TarReader::skip() {
  const uint64_t n = remaining_ + padding_;
  if (n) in_.seekg(static_cast<std::streamoff>(n), std::ios::cur);
  if (!in_) fail("archive is truncated");
  remaining_ = padding_ = 0;
}

}  // namespace csm
