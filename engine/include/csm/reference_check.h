// Compares the engine with reference outputs dumped by transformers (tools/make_fixtures.py,
// tools/gpu_fullsize_check.sh): the golden test on the CPU and the full-size check on the GPU
// both call this, so they measure the same thing.
#pragma once
#include <string>
#include <vector>

#include "csm/csm_runtime.h"

namespace csm {

struct ReferenceDiff {
  std::string name;          // e.g. "plain.logits", "step.logits", "generate.frames"
  double max_abs_diff = 0;   // for code tensors: number of differing codes
  double tolerance = 0;
  bool ok() const { return max_abs_diff <= tolerance; }
};

// `reference` is a safetensors file with the tensors make_fixtures.py writes. Outputs present
// in the file are compared; float outputs against `tolerance`, codes exactly.
std::vector<ReferenceDiff> compare_with_reference(const CsmRuntime& runtime, const std::string& reference,
                                                  double tolerance);

}  // namespace csm
