#!/usr/bin/env bash
# Two model versions in the same run, interleaved A, B, A, B so that machine load hits both alike: the engine's
# classification cost per image at each batch size (ms/image, from run.sh's table), one thread by default.
#
# Usage: bench/XrayTriage.Inference.Benchmarks/compare.sh DIR_A DIR_B [--threads N] [--batches 1,8] [--budget SECONDS]
#   DIR_A, DIR_B  folders with ensemble.json and members (e.g. a copy of an earlier models/ and the repository's models/)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 2 ] || { echo "usage: compare.sh DIR_A DIR_B [--threads N] [--batches 1,8] [--budget SECONDS]" >&2; exit 2; }
A="$1"; B="$2"; shift 2
OPTIONS=(--threads 1 --batches 1,8 --budget 15 --heatmap 0 "$@")
for round in 1 2; do
  for dir in "$A" "$B"; do
    echo "== round $round: $dir" 
    "$HERE/run.sh" --models "$dir" "${OPTIONS[@]}" 2>/dev/null | grep -E '^\| [0-9]+ \| (bare|EnsembleEngine)|^- models|^- machine'
  done
done
