// Precompiled header for the engine's torch-including translation units (~11 s each without it).
#pragma once
#include <torch/torch.h>
