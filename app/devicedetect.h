#pragma once
#include <QString>

// What the settings dialog offers for the engine device. The only app/ file that includes torch
// (its small CUDA header), so nothing else needs LibTorch's include paths.
namespace DeviceDetect {

int cudaDeviceCount();  // 0 when LibTorch has no CUDA or no GPU is present
QString cudaSummary();  // "2 CUDA devices", or why there is none

} // namespace DeviceDetect
