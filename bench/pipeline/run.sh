#!/usr/bin/env bash
# Pipeline benchmark (issue 7): C-STORE → spool → PostgreSQL → triage workers → findings committed.
# Builds Release, starts a throwaway PostgreSQL 15 cluster and `xraytriage serve` on free ports, pushes generated chest
# films (a) at a steady RATE images/s (one storescu per file) and (b) as fast as possible (one association), and prints
# a markdown table: latency from the C-STORE response to findings committed (p50/p95/p99), throughput, peak RSS of serve,
# and the pipeline's overhead over bare decode + inference (`xraytriage classify` on the same files in the same run).
# Everything lives under one temp folder that is removed at the end.
#
#   bench/pipeline/run.sh                 # N=500 for both runs (the steady run takes N/RATE seconds)
#   N=500 N_STEADY=200 bench/pipeline/run.sh
# Environment: N (fast run, default 500), N_STEADY (default N), RATE (default 1), CLASSIFY_K (default 40).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/lib.sh
source scripts/bench-postgres.sh
PY=/usr/bin/python3
DRIVER=$ROOT/bench/pipeline/driver.py
N=${N:-500}
N_STEADY=${N_STEADY:-$N}
RATE=${RATE:-1}
CLASSIFY_K=${CLASSIFY_K:-40}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "== building Release" >&2
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly >&2
XRAYTRIAGE="dotnet $ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll"
export BENCH_XRAYTRIAGE=$XRAYTRIAGE Models__Path=$ROOT/models

WORK=$(mktemp -d /tmp/xraytriage-bench-XXXXXX)
chmod 755 "$WORK"
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
    kill -TERM "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  bench_postgres_stop "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== throwaway PostgreSQL 15 in $WORK/pg" >&2
bench_postgres_start "$WORK"
$XRAYTRIAGE migrate >"$WORK/migrate.log" 2>&1

echo "== generating $N_STEADY + $N chest films" >&2
$PY "$DRIVER" generate "$WORK/films-steady" "$N_STEADY"
$PY "$DRIVER" generate "$WORK/films-fast" "$N"

HTTP_PORT=$(free_port 18080)
DICOM_PORT=$(free_port 11200)
export BENCH_DICOM_PORT=$DICOM_PORT
echo "== starting serve (DICOM $DICOM_PORT, HTTP $HTTP_PORT)" >&2
$XRAYTRIAGE serve --Urls=http://127.0.0.1:$HTTP_PORT --Dicom:Port=$DICOM_PORT --Dicom:SpoolPath="$WORK/spool" \
  --Dicom:MinFreeDiskBytes=1 --Models:Path="$ROOT/models" >"$WORK/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready" || true)" = 200 ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done

echo "== steady: $N_STEADY films at $RATE img/s (~$(( N_STEADY / RATE )) s)" >&2
$PY "$DRIVER" steady "$WORK/films-steady" "$RATE" "$WORK/steady.json"
$PY "$DRIVER" wait "$WORK/steady.json" 120
echo "== fast: $N films in one association" >&2
$PY "$DRIVER" fast "$WORK/films-fast" "$WORK/fast.json"
$PY "$DRIVER" wait "$WORK/fast.json" 1800
HWM_KB=$(awk '/VmHWM/ {print $2}' "/proc/$serve_pid/status")

# Bare decode + inference on the same files, same machine, serve idle (its queue is empty).
echo "== classify: $CLASSIFY_K of the same films" >&2
$PY "$DRIVER" classify "$WORK/films-fast" "$CLASSIFY_K" "$WORK/classify.json"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, N_STEADY=$N_STEADY at $RATE img/s, N=$N fast" >&2
$PY "$DRIVER" report "$WORK/steady.json" "$WORK/fast.json" "$WORK/classify.json" "$HWM_KB" "$RATE"
