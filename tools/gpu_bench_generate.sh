#!/usr/bin/env bash
# Generation speed, ours vs transformers, on the same GPU in one run (JSON lines on stdout).
#   tools/gpu_bench_generate.sh [DEBS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash tools/gpu_build.sh "${1:-.debs}" csm_generate_bench)"
nvidia-smi --query-gpu=name --format=csv,noheader
build-gpu/bin/csm_generate_bench --preset csm-1b --device cuda --dtype bfloat16 --frames 100
python3 bench/hf_baseline.py gen 2>&1 | grep -E '^\{' || true
