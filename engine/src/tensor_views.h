// Bridges between the torch-free safetensors views (csm/safetensors.h) and torch tensors, shared
// by the checkpoint loaders of the CSM model and the Mimi codec (internal, includes torch).
#pragma once
#include <torch/torch.h>

#include <sstream>
#include <string>

#include "csm/safetensors.h"

namespace csm {

inline torch::Dtype torch_dtype(DType d) {
  switch (d) {
    case DType::F64: return torch::kFloat64;
    case DType::F32: return torch::kFloat32;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kInt64;
    case DType::I32: return torch::kInt32;
    case DType::I16: return torch::kInt16;
    case DType::I8: return torch::kInt8;
    case DType::U8: return torch::kUInt8;
    case DType::BOOL: return torch::kBool;
  }
  return torch::kFloat32;
}

inline DType safetensors_dtype(torch::Dtype d) {
  switch (d) {
    case torch::kFloat64: return DType::F64;
    case torch::kFloat16: return DType::F16;
    case torch::kBFloat16: return DType::BF16;
    case torch::kInt64: return DType::I64;
    case torch::kInt32: return DType::I32;
    case torch::kInt16: return DType::I16;
    case torch::kInt8: return DType::I8;
    case torch::kUInt8: return DType::U8;
    case torch::kBool: return DType::BOOL;
    default: return DType::F32;
  }
}

// A tensor over the mapped bytes: valid while the SafetensorsFile lives (clone() to keep it).
inline torch::Tensor tensor_from_view(const TensorView& v) {
  return torch::from_blob(const_cast<void*>(v.data), v.shape, torch::TensorOptions(torch_dtype(v.dtype)));
}

// "[2, 3]" for error messages.
inline std::string shape_string(c10::IntArrayRef shape) {
  std::ostringstream s;
  s << '[';
  for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
  s << ']';
  return s.str();
}

}  // namespace csm
