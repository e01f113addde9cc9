// Error types thrown by the engine. Every message names the file involved and, where there is
// one, the fix, so the CLI and the GUI can show it to the user unchanged.
#pragma once
#include <stdexcept>
#include <string>

namespace csm {

// Bad input from the user's files (checkpoints, configs, tokenizers, audio): recoverable, shown as is.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file could not be written (full disk, permissions); the previous file, if any, is untouched.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace csm
