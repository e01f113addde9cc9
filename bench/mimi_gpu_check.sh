#!/usr/bin/env bash
# Mimi codec on the GPU machine, all in one run on one card: builds mimi_bench headless (CUDA
# LibTorch from the pip torch package), makes the tiny fixtures and full-size references with
# transformers, compares ours in fp32 and bf16, then benchmarks ours and transformers'
# (bench/hf_baseline.py gen) back to back.
#   bench/mimi_gpu_check.sh [OUT_DIR]     # with OUT_DIR: also remake the tiny fixtures into it
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-}
work=/tmp/mimi-full
mkdir -p "$work" ${out:+"$out"}
eval "$(bash tools/gpu_debs.sh unpack .debs /opt/debroot)"
torch_prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
cmake -S . -B build-gpu -DCSM_BUILD_GUI=OFF -DCSM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release -DCSM_ENGINE_STAGES=codec \
  -DCMAKE_PREFIX_PATH="$torch_prefix;/opt/debroot/usr" >/tmp/mimi-cfg.log 2>&1 || { tail -30 /tmp/mimi-cfg.log; exit 1; }
start=$(date +%s)
cmake --build build-gpu -j"$(nproc)" --target mimi_bench >/tmp/mimi-build.log 2>&1 || { grep -E -A3 'error' /tmp/mimi-build.log | head -60; exit 1; }
echo "== built mimi_bench in $(( $(date +%s) - start )) s"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
if [ $# -ge 1 ]; then
  echo "== tiny fixtures (transformers, CPU)"
  python3 tools/make_mimi_fixtures.py tiny "$out" 2>&1 | grep -v Warning | tail -4
fi
echo "== full-size random Mimi references (transformers, CUDA, cuDNN TF32 off so float32 is exact)"
[ -f "$work/no-tf32/reference_fp32.safetensors" ] || MIMI_NO_TF32=1 python3 tools/make_mimi_fixtures.py fullsize "$work" 2>&1 | tail -1
bin=build-gpu/bin/mimi_bench
ref=$work/no-tf32
$bin compare "$ref/mimi-random" "$ref/reference_fp32.safetensors" --device cuda --dtype float32 --no-tf32
$bin compare "$ref/mimi-random" "$ref/reference_fp32.safetensors" --device cuda --dtype float32   # TF32 convolutions
$bin compare "$ref/mimi-random" "$ref/reference_bf16.safetensors" --device cuda --dtype bfloat16
$bin compare "$ref/mimi-random" "$ref/reference_fp32.safetensors" --device cuda --dtype bfloat16
echo "== streaming decode (one 80 ms frame per call) without cuDNN autotuning"
$bin speed --device cuda --dtype both --batch 1 --seconds 1 --stream-only --no-cudnn-benchmark
echo "== speed: ours, then transformers (same card)"
$bin speed --device cuda --dtype both --batch 4 --seconds 60 --reps 3
python3 bench/hf_baseline.py gen 2>&1 | grep -E '"gpu"|mimi_|"gen"'
