// Atomic file writes and whole-file reads (POSIX).
//
// The content goes to "<path>.tmp-<pid>-<random>" beside the target (same directory, so the final
// rename(2) stays on one filesystem and is atomic), is fsynced, renamed over the target, and the
// directory is fsynced so the rename itself survives a power cut. Any failure before the rename
// removes the temporary file and leaves the old target as it was.
#include "csm/atomic_file.h"

#include "csm/errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace csm {
namespace {

[[noreturn]] void throw_write_error(const std::string& path, int err) {
  throw WriteError(path + ": cannot write (" + std::strerror(err) + ")");
}

std::string parent_directory(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string random_suffix() {
  // Seeded once from the OS; the pid in the name already separates processes, the random part
  // separates threads and repeated writes within one process.
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

// The temporary file; removed on destruction unless committed by the rename.
class TempFile {
 public:
  explicit TempFile(const std::string& target) : target_(target) {
    for (int attempt = 0; attempt < 16; ++attempt) {
      path_ = target + ".tmp-" + std::to_string(::getpid()) + "-" + random_suffix();
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) break;
      if (errno != EEXIST) throw_write_error(target_, errno);
    }
    if (fd_ < 0) throw_write_error(target_, EEXIST);
    // Keep the permissions of the file being replaced (a user may have made it private).
    struct stat st;
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::fchmod(fd_, st.st_mode & 07777);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  void write_all(const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
      const ssize_t n = ::write(fd_, p, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw_write_error(target_, errno);
      }
      if (n == 0) throw_write_error(target_, ENOSPC);  // no progress: treat as a full device
      p += n;
      size -= static_cast<std::size_t>(n);
    }
  }

  void commit() {
    if (::fsync(fd_) != 0) throw_write_error(target_, errno);
    // close() can report deferred write errors (NFS, some FUSE filesystems).
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw_write_error(target_, errno);
    if (::rename(path_.c_str(), target_.c_str()) != 0) throw_write_error(target_, errno);
    committed_ = true;
    sync_directory();
  }

 private:
  void sync_directory() {
    // Best effort: the new content is already in place under the target name, so a failure here
    // (some filesystems reject fsync on directories with EINVAL) must not be reported as a failed
    // write; only durability of the rename across a power cut is at stake.
    const int dfd = ::open(parent_directory(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return;
    ::fsync(dfd);
    ::close(dfd);
  }

  std::string target_;
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  TempFile tmp(path);
  tmp.write_all(bytes.data(), bytes.size());
  tmp.commit();
}

void write_file_atomically(const std::string& path, const std::function<void(const ChunkWriter&)>& produce) {
  TempFile tmp(path);
  // Small chunks (headers, tiny tensors) are gathered so a file of many parts costs few syscalls;
  // large chunks go straight through to avoid copying gigabytes of weights.
  constexpr std::size_t kBufferSize = 1 << 20;
  std::vector<char> buffer;
  buffer.reserve(kBufferSize);
  const ChunkWriter write_chunk = [&](const void* data, std::size_t size) {
    if (size == 0) return;
    if (buffer.size() + size > kBufferSize) {
      tmp.write_all(buffer.data(), buffer.size());
      buffer.clear();
    }
    if (size >= kBufferSize) {
      tmp.write_all(data, size);
    } else {
      const char* p = static_cast<const char*>(data);
      buffer.insert(buffer.end(), p, p + size);
    }
  };
  produce(write_chunk);  // an exception from the producer removes the temporary file too
  tmp.write_all(buffer.data(), buffer.size());
  tmp.commit();
}

std::string read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path + ": cannot read (" + std::strerror(errno) + ")");
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};

  struct stat st;
  if (::fstat(fd, &st) != 0) throw InputError(path + ": cannot read (" + std::strerror(errno) + ")");
  if (S_ISDIR(st.st_mode)) throw InputError(path + ": is a directory, not a file");

  std::string out;
  if (S_ISREG(st.st_mode) && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(path + ": cannot read (" + std::strerror(errno) + ")");
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace csm
