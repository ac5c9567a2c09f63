#!/usr/bin/env bash
# DICOM network benchmark on loopback: DCMTK storescu sends the same N instances (distinct SOP Instance UIDs,
# one association) to `xraytriage receive` and to DCMTK storescp; both write every instance to disk.
# Prints images/s and MB/s for both and the ratio (ours / storescp).
#
# Usage: bench/network/storescu-vs-storescp.sh [N] [SAMPLE]
#   N       number of instances (default 500)
#   SAMPLE  uncompressed DICOM file to copy (default: the NIH chest X-ray sample, ~1 MB, Implicit VR LE)
# Needs: dcmtk (storescu, storescp, dcmodify), the .NET SDK. Builds xraytriage in Release.
# Differences to keep in mind: ours writes a temporary file, fsyncs it and renames it before answering Success
# and copies the received bytes without re-encoding; storescp writes without fsync, and by default re-encodes
# the data set and advertises a 16 KiB maximum PDU (ours: 256 KiB), so a third run uses storescp +B -pdu 131072.
set -euo pipefail

N="${1:-500}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SAMPLE="${2:-$ROOT/../shared/dicom-samples/chest/dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm}"
WORK="$(mktemp -d /tmp/xraytriage-netbench-XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_listening() {
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on $1" >&2; exit 1
}
now() { date +%s.%N; }

echo "Building xraytriage (Release)..." >&2
dotnet build -c Release "$ROOT/src/XrayTriage.Host" -v quiet -nologo >&2
XRAYTRIAGE="$ROOT/src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll"

echo "Preparing $N instances of $(basename "$SAMPLE")..." >&2
mkdir -p "$WORK/in"
for i in $(seq -w 1 "$N"); do cp "$SAMPLE" "$WORK/in/i$i.dcm"; done
chmod u+w "$WORK"/in/*.dcm
dcmodify -nb -gin "$WORK"/in/*.dcm >/dev/null
BYTES=$(cat "$WORK"/in/*.dcm | wc -c)

run_storescu() { # port called-ae
  local start end
  start=$(now)
  storescu -aet BENCH -aec "$2" 127.0.0.1 "$1" "$WORK"/in/*.dcm
  end=$(now)
  echo "$end - $start" | bc -l
}

# Ours
PORT=$(free_port)
mkdir -p "$WORK/ours"
dotnet "$XRAYTRIAGE" receive --port "$PORT" --ae-title XRAYTRIAGE --output "$WORK/ours" --quiet >"$WORK/ours.log" 2>&1 &
PIDS+=($!)
wait_listening "$PORT"
storescu -aet BENCH -aec XRAYTRIAGE 127.0.0.1 "$PORT" "$WORK/in/i$(seq -w 1 "$N" | head -1).dcm" # warm-up (JIT)
rm -f "$WORK"/ours/*
OURS=$(run_storescu "$PORT" XRAYTRIAGE)
OURS_FILES=$(find "$WORK/ours" -name '*.dcm' | wc -l)

# DCMTK storescp
PORT2=$(free_port)
mkdir -p "$WORK/dcmtk"
storescp --aetitle DCMTKSCP --output-directory "$WORK/dcmtk" "$PORT2" >"$WORK/dcmtk.log" 2>&1 &
PIDS+=($!)
wait_listening "$PORT2"
DCMTK=$(run_storescu "$PORT2" DCMTKSCP)
DCMTK_FILES=$(find "$WORK/dcmtk" -type f | wc -l)

# DCMTK storescp tuned: bit-preserving writes and its largest receive PDU (ours advertises 256 KiB).
PORT3=$(free_port)
mkdir -p "$WORK/dcmtk-tuned"
storescp --aetitle DCMTKSCP +B -pdu 131072 --output-directory "$WORK/dcmtk-tuned" "$PORT3" >"$WORK/dcmtk-tuned.log" 2>&1 &
PIDS+=($!)
wait_listening "$PORT3"
TUNED=$(run_storescu "$PORT3" DCMTKSCP)
TUNED_FILES=$(find "$WORK/dcmtk-tuned" -type f | wc -l)

MB=$(echo "$BYTES / 1000000" | bc -l)
printf 'instances: %d x %s (%.1f MB total)\n' "$N" "$(basename "$SAMPLE")" "$MB"
printf 'xraytriage receive: %6.2f s  %7.1f images/s  %6.1f MB/s  (%d files written)\n' "$OURS" "$(echo "$N / $OURS" | bc -l)" "$(echo "$MB / $OURS" | bc -l)" "$OURS_FILES"
printf 'DCMTK storescp:     %6.2f s  %7.1f images/s  %6.1f MB/s  (%d files written)\n' "$DCMTK" "$(echo "$N / $DCMTK" | bc -l)" "$(echo "$MB / $DCMTK" | bc -l)" "$DCMTK_FILES"
printf 'DCMTK storescp +B -pdu 131072: %6.2f s  %7.1f images/s  %6.1f MB/s  (%d files written)\n' "$TUNED" "$(echo "$N / $TUNED" | bc -l)" "$(echo "$MB / $TUNED" | bc -l)" "$TUNED_FILES"
printf 'ratio (ours / storescp defaults, images/s): %.2f\n' "$(echo "$DCMTK / $OURS" | bc -l)"
printf 'ratio (ours / storescp tuned, images/s): %.2f\n' "$(echo "$TUNED / $OURS" | bc -l)"
