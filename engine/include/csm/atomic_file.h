// Atomic file writes: write to a temporary file beside the target, fsync it, rename it over the
// target, fsync the directory. A crash or a full disk leaves either the old file or the new one,
// never a half-written file. Throws csm::WriteError naming the path and the OS reason.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace csm {

// Writes `bytes` to `path` atomically.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Streams the content through `write_chunk(data, size)` calls made by `produce`, for files too
// large to hold twice in memory (checkpoints). Same guarantees as above.
using ChunkWriter = std::function<void(const void* data, std::size_t size)>;
void write_file_atomically(const std::string& path, const std::function<void(const ChunkWriter&)>& produce);

// Reads a whole file; throws csm::InputError("<path>: <reason>") when it cannot.
std::string read_file(const std::string& path);

}  // namespace csm
