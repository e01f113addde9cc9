// Safetensors reader and writer (the format of Hugging Face `model.safetensors`).
//
//   auto file = csm::SafetensorsFile::open("model.safetensors");   // memory-mapped, header validated
//   const csm::TensorView& w = file.at("lm_head.weight");          // dtype, shape, bytes
//
// The reader validates everything before any tensor is touched: header length within the file and
// under a 100 MiB cap, valid JSON, known dtypes, offsets inside the data area, no overlapping
// tensors, byte length == product(shape) * dtype size. Any violation throws csm::InputError with the
// file path, the tensor name and what is wrong. Torch-free: the engine turns views into tensors.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace csm {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL };

std::size_t dtype_size(DType dtype);
const char* dtype_name(DType dtype);        // "F32", "BF16", ... as in the safetensors header
bool parse_dtype(const std::string& name, DType* out);

struct TensorView {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  const void* data = nullptr;   // points into the mapped file (or the writer's owned buffer)
  std::size_t nbytes = 0;
  int64_t numel() const;
};

class SafetensorsFile {
 public:
  static SafetensorsFile open(const std::string& path);  // throws csm::InputError
  SafetensorsFile(SafetensorsFile&&) noexcept;
  SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
  ~SafetensorsFile();

  const std::string& path() const;
  bool contains(const std::string& name) const;
  const TensorView& at(const std::string& name) const;   // throws csm::InputError naming the file
  std::vector<std::string> names() const;                 // sorted
  const std::map<std::string, std::string>& metadata() const;  // "__metadata__" string map

 private:
  struct Impl;
  explicit SafetensorsFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes tensors atomically, byte for byte as the reference `safetensors.serialize` does: compact
// JSON header with "__metadata__" first (only when non-empty), data laid out by descending dtype
// width then by name (so each tensor stays aligned to its element size), header padded with spaces
// to a multiple of 8 bytes. Throws csm::WriteError (size mismatch, duplicate name, I/O); the target
// is untouched on failure.
void write_safetensors(const std::string& path, const std::vector<TensorView>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace csm
