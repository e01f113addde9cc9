#!/usr/bin/env bash
# Builds the engine headless on the GPU machine (CUDA LibTorch from the pip torch package, no Qt).
#   tools/gpu_build.sh [DEBS_DIR] [TARGET...]     (default targets: all)
# DEBS_DIR holds the .debs fetched on Debian with `tools/gpu_debs.sh fetch DIR` (libsndfile, JSON,
# PCRE2, ...), which the GPU image lacks. Prints the exports later commands need (eval them).
# CSM_ENGINE_STAGES (env) limits the engine stages built, e.g. "generate;codec".
set -euo pipefail
cd "$(dirname "$0")/.."
debs=${1:-.debs}; shift || true
eval "$(bash tools/gpu_debs.sh unpack "$debs" /opt/debroot)"
torch_prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
cmake -S . -B build-gpu -DCSM_BUILD_GUI=OFF -DCSM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
  -DCSM_ENGINE_STAGES="${CSM_ENGINE_STAGES:-codec;data;train;generate;profiles;eval}" \
  -DCMAKE_PREFIX_PATH="$torch_prefix;/opt/debroot/usr" >/dev/null 2>&1
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build build-gpu -j"$(nproc)" "${targets[@]}" 2>&1 | grep -E 'error|Error' >&2 || true
bash tools/gpu_debs.sh unpack "$debs" /opt/debroot
