#!/usr/bin/env bash
# Flat-out pipeline benchmark (issue 20, item 1): N chest films (8-bit JPEG baseline CR, made by driver.py generate +
# dcmcjpeg) pushed over one association into `xraytriage serve`, against `xraytriage classify` of the same films in
# one process and against bare decode + bare batched inference (bench/XrayTriage.Pipeline.Benchmarks), all in one run.
# Each configuration gets a fresh serve (and fresh UIDs) on one throwaway PostgreSQL; the per-stage times come from
# the serve's own /metrics (xraytriage.triage.stage.duration, xraytriage.inference.batch.size).
#
#   bench/pipeline/flatout.sh
#   N=120 ROUNDS=2 CONFIGS="--Triage:Workers=2;--Triage:Workers=8" bench/pipeline/flatout.sh
# Environment: N (default 120), ROUNDS (default 1; configurations alternate within a round), CONFIGS (serve options
# per configuration, ';'-separated; default: the shipped settings), BATCH (bare batch size, default 8), WARMUP (films
# pushed and triaged before the measured push, default 240, so the JIT has compiled the hot paths as in a service that
# has been running; the per-stage metrics include them).
# KEEP=1 keeps the work folder (films, logs, JSON) for a look afterwards. PERF=DIR records a CPU profile of serve during
# each push into DIR/perf-<round>-<configuration>.data (perf record -g; the runtime writes /tmp/perf-PID.map for the
# JIT-compiled frames): perf report -i FILE --no-children --sort dso,symbol.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/lib.sh
source scripts/bench-postgres.sh
PY=/usr/bin/python3
DRIVER=$ROOT/bench/pipeline/driver.py
FLAT=$ROOT/bench/pipeline/flatout.py
N=${N:-120}
ROUNDS=${ROUNDS:-1}
CONFIGS=${CONFIGS:-}
BATCH=${BATCH:-8}
WARMUP=${WARMUP:-240}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "== building Release" >&2
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/XrayTriage.Pipeline.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
XRAYTRIAGE="dotnet $ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll"
BARE="dotnet $ROOT/bench/XrayTriage.Pipeline.Benchmarks/bin/Release/net10.0/XrayTriage.Pipeline.Benchmarks.dll"
export BENCH_XRAYTRIAGE=$XRAYTRIAGE Models__Path=$ROOT/models BENCH_STORESCU_ARGS=-xy

WORK=$(mktemp -d /tmp/xraytriage-flatout-XXXXXX)
chmod 755 "$WORK"
serve_pid=
stop_serve() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
    kill -TERM "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  serve_pid=
}
cleanup() {
  stop_serve
  bench_postgres_stop "$WORK"
  [ -n "${KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== throwaway PostgreSQL 15 in $WORK/pg" >&2
bench_postgres_start "$WORK"
$XRAYTRIAGE migrate >"$WORK/migrate.log" 2>&1

films() { # OUT: N fresh films, JPEG baseline
  $PY "$DRIVER" generate "$1.raw" "$N"
  $PY "$FLAT" jpeg "$1.raw" "$1"
}

echo "== reference: classify and bare decode + batched inference of $N films" >&2
films "$WORK/films-reference"
$PY "$DRIVER" classify "$WORK/films-reference" "$N" "$WORK/classify.json"
$BARE --models "$ROOT/models" --films "$WORK/films-reference" --batch "$BATCH" --out "$WORK/bare.json" >&2

IFS=';' read -r -a configurations <<<"${CONFIGS:-}"
[ ${#configurations[@]} -eq 0 ] && configurations=("")
runs=()
for round in $(seq "$ROUNDS"); do
  for i in "${!configurations[@]}"; do
    config=${configurations[$i]}
    tag="r$round-c$i"
    films "$WORK/films-$tag"
    HTTP_PORT=$(free_port 18080)
    DICOM_PORT=$(free_port 11200)
    export BENCH_DICOM_PORT=$DICOM_PORT
    echo "== round $round, serve ${config:-(shipped settings)}: $N films in one association" >&2
    # shellcheck disable=SC2086 # the configuration is a list of options
    [ -n "${PERF:-}" ] && export DOTNET_PerfMapEnabled=1
    $XRAYTRIAGE serve --Urls=http://127.0.0.1:$HTTP_PORT --Dicom:Port=$DICOM_PORT --Dicom:SpoolPath="$WORK/spool-$tag" \
      --Dicom:MinFreeDiskBytes=1 --Models:Path="$ROOT/models" $config >"$WORK/serve-$tag.log" 2>&1 &
    serve_pid=$!
    for _ in $(seq 180); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready" || true)" = 200 ] && break
      kill -0 "$serve_pid" 2>/dev/null || { cat "$WORK/serve-$tag.log" >&2; exit 1; }
      sleep 0.5
    done
    if [ "$WARMUP" -gt 0 ]; then
      # A service runs for weeks: its code is compiled by the time a burst comes. Warm it with other films first.
      N=$WARMUP films "$WORK/warmup-$tag"
      $PY "$DRIVER" fast "$WORK/warmup-$tag" "$WORK/warmup-$tag.json"
      $PY "$DRIVER" wait "$WORK/warmup-$tag.json" 600
    fi
    postmaster=$(head -1 "$WORK/pg/data/postmaster.pid")
    $PY "$FLAT" scrape "http://127.0.0.1:$HTTP_PORT" "$WORK/metrics0-$tag.json"
    cpu0=$($PY "$FLAT" cpu "$postmaster" "$serve_pid")
    $PY "$FLAT" threads "$serve_pid" "$WORK/threads0-$tag.json"
    perf_pid=
    if [ -n "${PERF:-}" ]; then
      perf record -q -F 499 -g -p "$serve_pid" -o "$PERF/perf-$tag.data" 2>/dev/null &
      perf_pid=$!
    fi
    $PY "$DRIVER" fast "$WORK/films-$tag" "$WORK/fast-$tag.json"
    $PY "$DRIVER" wait "$WORK/fast-$tag.json" 1800
    [ -n "$perf_pid" ] && { kill -INT "$perf_pid"; wait "$perf_pid" || true; }
    cpu1=$($PY "$FLAT" cpu "$postmaster" "$serve_pid")
    $PY "$FLAT" threads "$serve_pid" "$WORK/threads1-$tag.json"
    $PY "$FLAT" scrape "http://127.0.0.1:$HTTP_PORT" "$WORK/metrics1-$tag.json"
    $PY "$FLAT" run "$WORK/fast-$tag.json" "$WORK/metrics0-$tag.json" "$WORK/metrics1-$tag.json" "$cpu0" "$cpu1" "round $round: ${config:-shipped settings}" \
      "$WORK/run-$tag.json" "$WORK/threads0-$tag.json" "$WORK/threads1-$tag.json"
    runs+=("$WORK/run-$tag.json")
    stop_serve
  done
done

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N" >&2
$PY "$FLAT" report "$WORK/classify.json" "$WORK/bare.json" "${runs[@]}"
