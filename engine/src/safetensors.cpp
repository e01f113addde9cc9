// Safetensors reader (mmap, strict validation) and writer (atomic, reference byte layout).
//
// Layout: u64 little-endian header length N, N bytes of JSON header, then the data area; each
// tensor's "data_offsets" are relative to the start of the data area. The reader checks the whole
// header before exposing any view, because a truncated download or a renamed file must fail with
// a message the user can act on rather than a crash deep inside a model loader.
//
// The writer reproduces the Hugging Face reference (`safetensors.serialize`): "__metadata__" first,
// tensors ordered by descending dtype (the reference's alignment order) then by name, compact JSON
// with keys "dtype", "shape", "data_offsets", header padded with spaces to a multiple of 8 bytes.
// Putting wider dtypes first keeps every tensor aligned to its element size in the mapped file.
#include "csm/safetensors.h"

#include "csm/atomic_file.h"
#include "csm/errors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace csm {
namespace {

constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DTypeInfo {
  DType dtype;
  const char* name;
  std::size_t size;
  int reference_rank;  // position in the reference's Dtype enum; the writer sorts by it, descending
};

// reference_rank follows safetensors' Rust `Dtype` declaration order
// (BOOL < U8 < I8 < I16 < F16 < BF16 < I32 < F32 < F64 < I64 for the types we support).
constexpr DTypeInfo kDTypes[] = {
    {DType::F64, "F64", 8, 8}, {DType::F32, "F32", 4, 7}, {DType::F16, "F16", 2, 4},
    {DType::BF16, "BF16", 2, 5}, {DType::I64, "I64", 8, 9}, {DType::I32, "I32", 4, 6},
    {DType::I16, "I16", 2, 3}, {DType::I8, "I8", 1, 2}, {DType::U8, "U8", 1, 1},
    {DType::BOOL, "BOOL", 1, 0},
};

const DTypeInfo& info(DType dtype) {
  for (const auto& d : kDTypes)
    if (d.dtype == dtype) return d;
  return kDTypes[1];  // unreachable for valid enum values
}

std::string shape_string(const std::vector<int64_t>& shape) {
  std::ostringstream s;
  s << '[';
  for (std::size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
  s << ']';
  return s.str();
}

std::string supported_dtypes() {
  std::string out;
  for (const auto& d : kDTypes) out += (out.empty() ? "" : ", ") + std::string(d.name);
  return out;
}

// numel of `shape` times `elem_size`, or false on a negative dimension or overflow.
bool checked_nbytes(const std::vector<int64_t>& shape, std::size_t elem_size, uint64_t* out) {
  uint64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0) return false;
    const auto ud = static_cast<uint64_t>(d);
    if (ud != 0 && n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / ud) return false;
    n *= ud;
  }
  if (elem_size != 0 && n > std::numeric_limits<uint64_t>::max() / elem_size) return false;
  *out = n * elem_size;
  return true;
}

// Read-only mapping of a whole file, unmapped on destruction.
struct Mapping {
  void* base = nullptr;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (base) ::munmap(base, size);
  }
};

}  // namespace

std::size_t dtype_size(DType dtype) { return info(dtype).size; }

const char* dtype_name(DType dtype) { return info(dtype).name; }

bool parse_dtype(const std::string& name, DType* out) {
  for (const auto& d : kDTypes) {
    if (name == d.name) {
      if (out) *out = d.dtype;
      return true;
    }
  }
  return false;
}

int64_t TensorView::numel() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Reader

struct SafetensorsFile::Impl {
  std::string path;
  Mapping mapping;
  std::map<std::string, TensorView> tensors;
  std::map<std::string, std::string> metadata;
};

SafetensorsFile::SafetensorsFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

SafetensorsFile SafetensorsFile::open(const std::string& path) {
  auto fail = [&](const std::string& what) -> InputError { return InputError(path + ": " + what); };

  auto impl = std::make_unique<Impl>();
  impl->path = path;

  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(std::string("cannot open (") + std::strerror(errno) + ")");
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw fail(std::string("cannot open (") + std::strerror(err) + ")");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw fail("is a directory, not a safetensors file");
  }
  const auto file_size = static_cast<uint64_t>(st.st_size);
  if (file_size < 8) {
    ::close(fd);
    throw fail("file is only " + std::to_string(file_size) +
               " bytes, too short to be a safetensors file (it needs at least the 8-byte header length)");
  }
  void* base = ::mmap(nullptr, static_cast<std::size_t>(file_size), PROT_READ, MAP_PRIVATE, fd, 0);
  const int map_err = errno;
  ::close(fd);  // the mapping keeps the file alive
  if (base == MAP_FAILED) throw fail(std::string("cannot map the file (") + std::strerror(map_err) + ")");
  impl->mapping.base = base;
  impl->mapping.size = static_cast<std::size_t>(file_size);
  const auto* bytes = static_cast<const unsigned char*>(base);

  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | bytes[i];  // little-endian u64
  if (header_len == 0) throw fail("header length is 0 — not a safetensors file");
  if (header_len > file_size - 8) {
    throw fail("header length " + std::to_string(header_len) + " exceeds the file size " +
               std::to_string(file_size) + " — the file is truncated or not a safetensors file");
  }
  if (header_len > kMaxHeaderBytes) {
    throw fail("header length " + std::to_string(header_len) + " exceeds the " +
               std::to_string(kMaxHeaderBytes) + "-byte limit — not a safetensors file");
  }
  const uint64_t data_size = file_size - 8 - header_len;
  const unsigned char* data_base = bytes + 8 + header_len;

  nlohmann::json header;
  try {
    header = nlohmann::json::parse(bytes + 8, bytes + 8 + header_len);
  } catch (const nlohmann::json::exception& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix; the rest says where and why.
    std::string why = e.what();
    const auto tag_end = why.find("] ");
    if (!why.empty() && why[0] == '[' && tag_end != std::string::npos) why.erase(0, tag_end + 2);
    throw fail("header is not valid JSON (" + why + ")");
  }
  if (!header.is_object()) throw fail("header is not a JSON object");

  struct Span {
    uint64_t begin, end;
    const std::string* name;
  };
  std::vector<Span> spans;
  for (auto it = header.begin(); it != header.end(); ++it) {
    const std::string& name = it.key();
    const nlohmann::json& entry = it.value();

    if (name == "__metadata__") {
      if (!entry.is_object()) throw fail("\"__metadata__\" must be an object of string values");
      for (auto m = entry.begin(); m != entry.end(); ++m) {
        if (!m->is_string())
          throw fail("\"__metadata__\" entry '" + m.key() + "' is not a string (" + m->type_name() + ")");
        impl->metadata[m.key()] = m->get<std::string>();
      }
      continue;
    }

    const std::string tensor = "tensor '" + name + "'";
    if (!entry.is_object()) throw fail(tensor + " is not a JSON object");
    for (const char* key : {"dtype", "shape", "data_offsets"})
      if (!entry.contains(key)) throw fail(tensor + " has no \"" + key + "\"");

    const auto& jdtype = entry["dtype"];
    if (!jdtype.is_string()) throw fail(tensor + " has a \"dtype\" that is not a string");
    TensorView view;
    view.name = name;
    if (!parse_dtype(jdtype.get<std::string>(), &view.dtype)) {
      throw fail(tensor + " has unknown dtype '" + jdtype.get<std::string>() + "' (supported: " +
                 supported_dtypes() + ")");
    }

    const auto& jshape = entry["shape"];
    if (!jshape.is_array()) throw fail(tensor + " has a \"shape\" that is not an array");
    for (const auto& d : jshape) {
      if (d.is_number_unsigned()) {
        if (d.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
          throw fail(tensor + " has a dimension " + d.dump() + " that is too large");
        view.shape.push_back(static_cast<int64_t>(d.get<uint64_t>()));
      } else if (d.is_number_integer()) {
        throw fail(tensor + " has a negative dimension " + d.dump() + " in its shape " + jshape.dump());
      } else {
        throw fail(tensor + " has a shape " + jshape.dump() + " that is not a list of integers");
      }
    }

    const auto& joff = entry["data_offsets"];
    if (!joff.is_array() || joff.size() != 2 || !joff[0].is_number_unsigned() || !joff[1].is_number_unsigned())
      throw fail(tensor + " has \"data_offsets\" " + joff.dump() + " that are not two non-negative integers");
    const auto begin = joff[0].get<uint64_t>();
    const auto end = joff[1].get<uint64_t>();
    if (begin > end) {
      throw fail(tensor + " has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                 "] whose begin is after its end");
    }
    if (end > data_size) {
      throw fail(tensor + " data ends at byte " + std::to_string(end) + " but the file has only " +
                 std::to_string(data_size) + " data bytes — truncated download?");
    }

    uint64_t expected = 0;
    if (!checked_nbytes(view.shape, dtype_size(view.dtype), &expected))
      throw fail(tensor + " has shape " + shape_string(view.shape) + " whose element count overflows");
    if (expected != end - begin) {
      throw fail(tensor + " has shape " + shape_string(view.shape) + " of " + dtype_name(view.dtype) + " = " +
                 std::to_string(expected) + " bytes but its data_offsets span " + std::to_string(end - begin) +
                 " bytes");
    }

    view.data = data_base + begin;
    view.nbytes = static_cast<std::size_t>(end - begin);
    auto inserted = impl->tensors.emplace(name, std::move(view));
    spans.push_back({begin, end, &inserted.first->first});
  }

  // Empty tensors occupy no bytes, so they cannot overlap anything.
  spans.erase(std::remove_if(spans.begin(), spans.end(), [](const Span& s) { return s.begin == s.end; }),
              spans.end());
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return *a.name < *b.name;  // deterministic message when two tensors start at the same byte
  });
  for (std::size_t i = 1; i < spans.size(); ++i) {
    const Span& a = spans[i - 1];
    const Span& b = spans[i];
    if (b.begin < a.end) {
      throw fail("tensors '" + *a.name + "' and '" + *b.name + "' overlap (data_offsets [" +
                 std::to_string(a.begin) + ", " + std::to_string(a.end) + "] and [" + std::to_string(b.begin) +
                 ", " + std::to_string(b.end) + "])");
    }
  }

  return SafetensorsFile(std::move(impl));
}

const std::string& SafetensorsFile::path() const { return impl_->path; }

bool SafetensorsFile::contains(const std::string& name) const { return impl_->tensors.count(name) != 0; }

const TensorView& SafetensorsFile::at(const std::string& name) const {
  const auto it = impl_->tensors.find(name);
  if (it == impl_->tensors.end()) throw InputError(impl_->path + ": no tensor named '" + name + "'");
  return it->second;
}

std::vector<std::string> SafetensorsFile::names() const {
  std::vector<std::string> out;
  out.reserve(impl_->tensors.size());
  for (const auto& kv : impl_->tensors) out.push_back(kv.first);  // std::map: already sorted
  return out;
}

const std::map<std::string, std::string>& SafetensorsFile::metadata() const { return impl_->metadata; }

// ---------------------------------------------------------------------------------------------
// Writer

void write_safetensors(const std::string& path, const std::vector<TensorView>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  auto fail = [&](const std::string& what) -> WriteError { return WriteError(path + ": " + what); };

  std::vector<const TensorView*> order;
  order.reserve(tensors.size());
  std::set<std::string> seen;
  for (const auto& t : tensors) {
    const std::string tensor = "tensor '" + t.name + "'";
    if (t.name == "__metadata__") throw fail("\"__metadata__\" is reserved and cannot be a tensor name");
    if (!seen.insert(t.name).second) throw fail(tensor + " appears more than once");
    uint64_t expected = 0;
    if (!checked_nbytes(t.shape, dtype_size(t.dtype), &expected))
      throw fail(tensor + " has an invalid shape " + shape_string(t.shape));
    if (expected != t.nbytes) {
      throw fail(tensor + " has shape " + shape_string(t.shape) + " of " + dtype_name(t.dtype) + " = " +
                 std::to_string(expected) + " bytes but " + std::to_string(t.nbytes) + " bytes were given");
    }
    if (t.nbytes > 0 && t.data == nullptr) throw fail(tensor + " has no data");
    order.push_back(&t);
  }
  std::sort(order.begin(), order.end(), [](const TensorView* a, const TensorView* b) {
    const int ra = info(a->dtype).reference_rank;
    const int rb = info(b->dtype).reference_rank;
    if (ra != rb) return ra > rb;
    return a->name < b->name;
  });

  // Compact JSON written by hand: the key order ("__metadata__" first, then tensors in data order,
  // each as dtype, shape, data_offsets) is the reference's, which nlohmann::json would sort away.
  auto quoted = [&](const std::string& s) {
    try {
      return nlohmann::json(s).dump();
    } catch (const nlohmann::json::exception&) {
      throw fail("name or metadata '" + s + "' is not valid UTF-8");
    }
  };
  std::string header = "{";
  if (!metadata.empty()) {
    header += "\"__metadata__\":{";
    bool first = true;
    for (const auto& kv : metadata) {
      header += (first ? "" : ",") + quoted(kv.first) + ":" + quoted(kv.second);
      first = false;
    }
    header += "}";
  }
  uint64_t offset = 0;
  for (const TensorView* t : order) {
    if (header.size() > 1) header += ",";
    header += quoted(t->name) + ":{\"dtype\":\"" + dtype_name(t->dtype) + "\",\"shape\":[";
    for (std::size_t i = 0; i < t->shape.size(); ++i) header += (i ? "," : "") + std::to_string(t->shape[i]);
    header += "],\"data_offsets\":[" + std::to_string(offset) + "," + std::to_string(offset + t->nbytes) + "]}";
    offset += t->nbytes;
  }
  header += "}";
  header.append((8 - header.size() % 8) % 8, ' ');  // the data area starts 8-byte aligned

  unsigned char len_bytes[8];
  uint64_t n = header.size();
  for (int i = 0; i < 8; ++i, n >>= 8) len_bytes[i] = static_cast<unsigned char>(n & 0xff);

  write_file_atomically(path, [&](const ChunkWriter& write) {
    write(len_bytes, sizeof len_bytes);
    write(header.data(), header.size());
    for (const TensorView* t : order) write(t->data, t->nbytes);
  });
}

}  // namespace csm
