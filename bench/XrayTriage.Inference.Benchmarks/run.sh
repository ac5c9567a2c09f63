#!/usr/bin/env bash
# Ensemble latency and throughput on the CPU at batch 1/8/32 against bare ONNX Runtime sessions of the same members,
# in one process. Builds Release, runs, prints a markdown table on stdout (progress on stderr).
#
# Usage: bench/XrayTriage.Inference.Benchmarks/run.sh [--models DIR] [--threads N] [--batches 1,8,32]
#                                                     [--budget SECONDS] [--heatmap PX|0]
#        bench/XrayTriage.Inference.Benchmarks/run.sh --smoke [other options]
#   --models   folder with ensemble.json and the members (default: $XRAYTRIAGE_BENCH_MODELS, else the repository's models/)
#   --threads  intra-op threads, the same for the engine and the bare sessions (default: logical processors)
#   --budget   seconds of timed rounds per batch size (default 120; at least 5 rounds each): about 7 minutes in all
#   --heatmap  side of the heatmap requested in the heatmap mode (default 224; 0 skips that mode)
#   --smoke    first train the recipe's smoke ensemble (two small-input members, ~20 s) into a temporary folder and use it
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ARGS=()
SMOKE=""
for arg in "$@"; do
  if [[ "$arg" == "--smoke" ]]; then SMOKE=1; else ARGS+=("$arg"); fi
done

if [[ -n "$SMOKE" ]]; then
  WORK="$(mktemp -d /tmp/xraytriage-inference-bench-XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
  echo "Training the smoke ensemble into $WORK..." >&2
  "$ROOT/models/training/train.sh" --smoke "$WORK" >&2
  ARGS=(--models "$WORK" "${ARGS[@]}")
fi

echo "Building (Release)..." >&2
dotnet build "$HERE" -c Release -v quiet -nologo >&2
dotnet "$HERE/bin/Release/net10.0/XrayTriage.Inference.Benchmarks.dll" "${ARGS[@]}"
