#!/usr/bin/env bash
# Large-instance ingest benchmark (issue 20 item 4): DCMTK storescu sends the same set of big uncompressed instances
# (16-bit DX, 4096x4096 ≈ 32 MB and 5504x5504 ≈ 60 MB, made at bench time with pydicom) over one association into
# `xraytriage serve` (spool fsync + rename + PostgreSQL row before each Success) and into DCMTK storescp (defaults, and
# +B -pdu 131072: bit-preserving writes straight to the file, its largest PDU). With BEFORE=path/to/xraytriage.dll a
# second serve (an older build, its own database) is measured in the same rounds. Receivers are taken in turn, ROUNDS
# times, so machine load hits them alike; prints one line per run and the medians in MB/s.
#
#   bench/ingest/large-instances.sh                       # N32=6 N60=3 ROUNDS=3
#   BEFORE=/tmp/before/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll bench/ingest/large-instances.sh
# Environment: N32, N60 (instances of each size), ROUNDS, BEFORE, BEFORE_MODELS (models folder for BEFORE).
# The instances' Body Part is HAND, so serve records them as skipped and triage stays idle: this times ingest only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/lib.sh
source scripts/bench-postgres.sh
PY=/usr/bin/python3
N32=${N32:-6}
N60=${N60:-3}
ROUNDS=${ROUNDS:-3}
BEFORE=${BEFORE:-}
BEFORE_MODELS=${BEFORE_MODELS:-$ROOT/models}

export PGOPTIONS='-c client_min_messages=warning'
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "== building Release" >&2
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly >&2
AFTER=$ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll

WORK=$(mktemp -d /tmp/xraytriage-ingestbench-XXXXXX)
chmod 755 "$WORK"
# Servers are started inside $(...) (to return their port), so their PIDs go through a file.
cleanup() {
  local pid
  for pid in $(cat "$WORK/pids" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $(cat "$WORK/pids" 2>/dev/null); do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  bench_postgres_stop "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== throwaway PostgreSQL 15 in $WORK/pg" >&2
bench_postgres_start "$WORK"
AFTER_DB=$ConnectionStrings__Triage
BEFORE_DB=${ConnectionStrings__Triage/Database=xraytriage;/Database=xraytriage_before;}
as_postgres psql -h "$WORK/pg/run" -p "$BENCH_PGPORT" -U postgres -q -c "CREATE DATABASE xraytriage_before OWNER xraytriage"
ConnectionStrings__Triage=$AFTER_DB dotnet "$AFTER" migrate >"$WORK/migrate.log" 2>&1
[ -n "$BEFORE" ] && ConnectionStrings__Triage=$BEFORE_DB dotnet "$BEFORE" migrate >>"$WORK/migrate.log" 2>&1

echo "== generating $N32 x 4096x4096 and $N60 x 5504x5504 16-bit instances" >&2
$PY bench/ingest/make_large.py "$WORK/in" a "$N32" 4096 4096
$PY bench/ingest/make_large.py "$WORK/in" b "$N60" 5504 5504
FILES=("$WORK"/in/*.dcm)
COUNT=${#FILES[@]}
MB=$(cat "${FILES[@]}" | wc -c | awk '{printf "%.1f", $1 / 1e6}')

wait_listening() {
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "nothing listens on $1" >&2; exit 1
}

start_serve() { # name dll models db port-base
  local http dicom
  # Distinct bases: serve binds HTTP only after the DICOM listener, so a second free_port could return the first's.
  http=$(free_port "$((18000 + $5))"); dicom=$(free_port "$((11000 + $5))")
  mkdir -p "$WORK/$1"
  ConnectionStrings__Triage=$4 dotnet "$2" serve --Urls=http://127.0.0.1:$http --Dicom:Port=$dicom \
    --Dicom:SpoolPath="$WORK/$1/spool" --Dicom:MinFreeDiskBytes=1 --Models:Path="$3" >"$WORK/$1/serve.log" 2>&1 &
  echo $! >>"$WORK/pids"
  wait_listening "$dicom"
  echo "$dicom"
}

start_storescp() { # name extra-args...
  local name=$1 port; shift
  port=$(free_port "$((11500 + ${#name} * 10))")
  mkdir -p "$WORK/$name/out"
  storescp --aetitle DCMTKSCP "$@" --output-directory "$WORK/$name/out" "$port" >"$WORK/$name/storescp.log" 2>&1 &
  echo $! >>"$WORK/pids"
  wait_listening "$port"
  echo "$port"
}

declare -A PORT AE DB
PORT[after]=$(start_serve after "$AFTER" "$ROOT/models" "$AFTER_DB" 300); AE[after]=XRAYTRIAGE; DB[after]=xraytriage
RECEIVERS=(after storescp storescp-B)
if [ -n "$BEFORE" ]; then
  PORT[before]=$(start_serve before "$BEFORE" "$BEFORE_MODELS" "$BEFORE_DB" 400); AE[before]=XRAYTRIAGE; DB[before]=xraytriage_before
  RECEIVERS=(before after storescp storescp-B)
fi
PORT[storescp]=$(start_storescp storescp); AE[storescp]=DCMTKSCP
PORT[storescp-B]=$(start_storescp storescp-B +B -pdu 131072); AE[storescp-B]=DCMTKSCP

# Warm-up (JIT, connection pool) with one instance each, then an empty spool and database.
reset() { # name
  # The dated folders only: .incoming stays (the older build spills data sets there and does not recreate it).
  rm -rf "${WORK:?}/$1/spool"/[0-9]* "${WORK:?}/$1/out"/* 2>/dev/null || true
  if [ -n "${DB[$1]:-}" ]; then
    as_postgres psql -h "$WORK/pg/run" -p "$BENCH_PGPORT" -U postgres -d "${DB[$1]}" -q -c "TRUNCATE triage.studies CASCADE" >/dev/null
  fi
  sync
}
for r in "${RECEIVERS[@]}"; do
  storescu -aet BENCH -aec "${AE[$r]}" 127.0.0.1 "${PORT[$r]}" "${FILES[0]}" >/dev/null 2>&1 || true
  reset "$r"
done

stored() { # name
  if [ -n "${DB[$1]:-}" ]; then
    as_postgres psql -h "$WORK/pg/run" -p "$BENCH_PGPORT" -U postgres -d "${DB[$1]}" -tAq -c "SELECT count(*) FROM triage.instances"
  else
    find "$WORK/$1/out" -type f | wc -l
  fi
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $COUNT instances, $MB MB per run" >&2
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for r in "${RECEIVERS[@]}"; do
    start=$(date +%s.%N)
    storescu -aet BENCH -aec "${AE[$r]}" 127.0.0.1 "${PORT[$r]}" "${FILES[@]}" >"$WORK/storescu-$r.log" 2>&1 || {
      cat "$WORK/storescu-$r.log" >&2; tail -20 "$WORK/$r"/*.log >&2; exit 1; }
    end=$(date +%s.%N)
    n=$(stored "$r")
    [ "$n" -eq "$COUNT" ] || { echo "$r stored $n of $COUNT" >&2; exit 1; }
    mbs=$(echo "$MB / ($end - $start)" | bc -l)
    RESULTS[$r]="${RESULTS[$r]:-} $mbs"
    printf 'round %d %-11s %6.2f s  %6.1f MB/s  %5.2f images/s  (load %s)\n' "$round" "$r" "$(echo "$end - $start" | bc -l)" "$mbs" \
      "$(echo "$COUNT / ($end - $start)" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
    reset "$r"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "== medians over $ROUNDS rounds ($COUNT instances, $MB MB per run; load at end $(cut -d' ' -f1-3 /proc/loadavg))"
for r in "${RECEIVERS[@]}"; do
  printf '%-11s %6.1f MB/s\n' "$r" "$(echo "${RESULTS[$r]}" | median)"
done
