#!/usr/bin/env bash
# Full-size fidelity check on the GPU machine (CUDA LibTorch from the pip torch package, no Qt):
# builds the engine and `csm` headless, makes a random-init full-size CSM-1B with transformers,
# and compares our fp32 and bf16 outputs with transformers' on the same card.
#   tools/gpu_fullsize_check.sh [DEBS_DIR] [WORK_DIR]
# DEBS_DIR holds the .debs fetched on Debian with `tools/gpu_debs.sh fetch DIR` (libsndfile, JSON,
# PCRE2, ...), which the GPU image lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
debs=${1:-.debs}
work=${2:-/tmp/csm-fullsize}
mkdir -p "$work"
eval "$(bash tools/gpu_debs.sh unpack "$debs" /opt/debroot)"
torch_prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
cmake -S . -B build-gpu -DCSM_BUILD_GUI=OFF -DCSM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$torch_prefix;/opt/debroot/usr" >/dev/null
cmake --build build-gpu -j"$(nproc)" --target csm 2>&1 | grep -E 'error|warning: unused' || true
echo "== fixture check on CUDA (tiny model, fp32)"
build-gpu/bin/csm check-reference tests/fixtures/tiny_csm tests/fixtures/csm_reference.safetensors --device cuda
echo "== full-size reference from transformers"
python3 tools/make_fullsize_reference.py "$work"
echo "== ours vs transformers, full size, fp32"
build-gpu/bin/csm check-reference "$work/csm-1b-random" "$work/reference_fp32.safetensors" --device cuda --dtype float32 --tolerance 1e-3 || true
echo "== ours vs transformers, full size, bf16"
build-gpu/bin/csm check-reference "$work/csm-1b-random" "$work/reference_bf16.safetensors" --device cuda --dtype bfloat16 --tolerance 0.25 || true
