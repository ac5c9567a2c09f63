#!/usr/bin/env bash
# Report delivery benchmark (issue 8): study settled → TID 1500 SR and heatmap Secondary Captures stored at the PACS.
# Builds Release, starts a throwaway PostgreSQL 15, a real Orthanc as the PACS and `xraytriage serve` reporting to it,
# pushes STUDIES studies of 4 generated chest films in one association, waits until every report is delivered and
# prints a markdown table: settled → stored p50/p95/max (from the database's timestamps), and, as the peer measured in
# the same run, DCMTK dcmsend sending one report's objects to the same Orthanc. Then a burst: every delivered report
# re-queued at once and the drain timed (delivery alone, triage not setting the pace). Everything lives under one temp folder.
#
#   bench/reporting/run.sh               # STUDIES=100
#   STUDIES=20 bench/reporting/run.sh
#   MAX_ASSOCIATIONS=4 bench/reporting/run.sh   # delivery loops (associations) per destination
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/lib.sh
source scripts/bench-postgres.sh
PY=/usr/bin/python3
DRIVER=$ROOT/bench/reporting/driver.py
STUDIES=${STUDIES:-100}
MAX_ASSOCIATIONS=${MAX_ASSOCIATIONS:-}   # Pacs:Destinations:0:MaxAssociations (the service's default when empty)
PEER_K=${PEER_K:-20}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "== building Release" >&2
dotnet build src/XrayTriage.Host -c Release -nologo -v quiet -clp:ErrorsOnly >&2
XRAYTRIAGE="dotnet $ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll"

WORK=$(mktemp -d /tmp/xraytriage-bench-XXXXXX)
chmod 755 "$WORK"
serve_pid=
orthanc_pid=
cleanup() {
  for pid in $serve_pid $orthanc_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  bench_postgres_stop "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== throwaway PostgreSQL 15 in $WORK/pg" >&2
bench_postgres_start "$WORK"
$XRAYTRIAGE migrate >"$WORK/migrate.log" 2>&1

echo "== Orthanc as the PACS" >&2
ORTHANC_DICOM=$(free_port 14242)
ORTHANC_HTTP=$(free_port 18042)
$PY "$DRIVER" orthanc-config "$WORK/orthanc" PACS "$ORTHANC_DICOM" "$ORTHANC_HTTP"
Orthanc "$WORK/orthanc/orthanc.json" >"$WORK/orthanc.log" 2>&1 &
orthanc_pid=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$ORTHANC_HTTP/system" >/dev/null && break
  sleep 0.5
done

echo "== generating $STUDIES studies of 4 chest films" >&2
$PY "$ROOT/bench/pipeline/driver.py" generate "$WORK/films" $((STUDIES * 4))

HTTP_PORT=$(free_port 18080)
DICOM_PORT=$(free_port 11200)
echo "== starting serve (DICOM $DICOM_PORT, HTTP $HTTP_PORT), reporting to PACS@127.0.0.1:$ORTHANC_DICOM" >&2
$XRAYTRIAGE serve --Urls=http://127.0.0.1:$HTTP_PORT --Dicom:Port=$DICOM_PORT --Dicom:SpoolPath="$WORK/spool" \
  --Dicom:MinFreeDiskBytes=1 --Models:Path="$ROOT/models" \
  --Pacs:Destinations:0:Name=orthanc --Pacs:Destinations:0:AeTitle=PACS --Pacs:Destinations:0:Host=127.0.0.1 \
  --Pacs:Destinations:0:Port="$ORTHANC_DICOM" \
  ${MAX_ASSOCIATIONS:+--Pacs:Destinations:0:MaxAssociations=$MAX_ASSOCIATIONS} >"$WORK/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready" || true)" = 200 ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done

echo "== pushing $((STUDIES * 4)) films; waiting for $STUDIES reports" >&2
$PY "$DRIVER" push "$WORK/films" "$DICOM_PORT"
$PY "$DRIVER" wait "$STUDIES" 1800
echo "== peer: DCMTK dcmsend of one report's objects, $PEER_K times" >&2
$PY "$DRIVER" peer "$ORTHANC_HTTP" "$ORTHANC_DICOM" PACS "$PEER_K" "$WORK/peer.json"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $STUDIES studies" >&2
$PY "$DRIVER" report "$STUDIES" "$ORTHANC_HTTP" "$WORK/peer.json"
echo "== burst: the $STUDIES delivered reports re-queued at once" >&2
# CPU seconds of serve, Orthanc and the PostgreSQL cluster around the burst (bench/pipeline/flatout.py cpu).
postmaster=$(head -1 "$WORK/pg/data/postmaster.pid")
cpu_now() { $PY "$ROOT/bench/pipeline/flatout.py" cpu "$postmaster" "$serve_pid" "$orthanc_pid"; }
before=$(cpu_now)
$PY "$DRIVER" burst "$STUDIES" 1800
after=$(cpu_now)
echo "$before $after" | awk -v s="$STUDIES" '{
  split("serve Orthanc PostgreSQL", name, " ")
  for (i = 1; i <= 3; i++) printf "| burst: CPU of %s per report | %.0f ms |\n", name[i], ($(i + 3) - $i) * 1000 / s
}'
