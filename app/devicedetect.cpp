#include "devicedetect.h"

#include <QCoreApplication>

#include <torch/cuda.h>

int DeviceDetect::cudaDeviceCount()
{
    try {
        return torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
    } catch (...) {
        return 0;
    }
}

QString DeviceDetect::cudaSummary()
{
    const int n = cudaDeviceCount();
    if (n > 0)
        return QCoreApplication::translate("DeviceDetect", "%n CUDA device(s) detected", nullptr, n);
#if CSM_WITH_CUDA
    return QCoreApplication::translate("DeviceDetect", "No CUDA device detected");
#else
    return QCoreApplication::translate("DeviceDetect", "Not available: this build's LibTorch has no CUDA");
#endif
}
