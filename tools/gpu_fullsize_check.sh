#!/usr/bin/env bash
# Full-size fidelity check on the GPU machine (CUDA LibTorch from the pip torch package, no Qt):
# builds the engine and `csm` headless, makes a random-init full-size CSM-1B with transformers,
# and compares our fp32 and bf16 outputs with transformers' on the same card.
#   tools/gpu_fullsize_check.sh [DEBS_DIR] [WORK_DIR]
# DEBS_DIR: see tools/gpu_build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
debs=${1:-.debs}
work=${2:-/tmp/csm-fullsize}
mkdir -p "$work"
eval "$(bash tools/gpu_build.sh "$debs" csm)"
echo "== fixture check on CUDA (tiny model, fp32)"
build-gpu/bin/csm check-reference tests/fixtures/tiny_csm tests/fixtures/csm_reference.safetensors --device cuda
echo "== full-size reference from transformers"
python3 tools/make_fullsize_reference.py "$work"
echo "== ours vs transformers, full size, fp32"
build-gpu/bin/csm check-reference "$work/csm-1b-random" "$work/reference_fp32.safetensors" --device cuda --dtype float32 --tolerance 1e-3 || true
echo "== ours vs transformers, full size, bf16"
build-gpu/bin/csm check-reference "$work/csm-1b-random" "$work/reference_bf16.safetensors" --device cuda --dtype bfloat16 --tolerance 0.25 || true
