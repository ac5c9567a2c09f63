#!/usr/bin/env bash
# The peer side of the imaging benchmark: DCMTK decoding + windowing each benchmark file to an 8-bit PGM, timed
# over N runs (default 10), in the same session as `dotnet run -c Release -- --filter '*RenderBenchmarks*'`.
# dcmj2pnm handles native and JPEG, dcml2pnm JPEG-LS; DCMTK has no JPEG 2000 decoder, so JPEG 2000 rows time
# OpenJPEG's own opj_decompress on the frame's codestream (extracted once with pydicom) to a PGM, without windowing.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-10}
shared=${XRAYTRIAGE_SHARED:-$(cd ../../.. && pwd)/shared}
cr=${TMPDIR:-/tmp}/xraytriage-bench-cr-2000x2500-u16.dcm
[ -f "$cr" ] || dotnet run -c Release -- make-cr "$cr" >/dev/null
out=$(mktemp --suffix=.pgm)
trap 'rm -f "$out"' EXIT
printf '%-70s %10s\n' file "ms/image"
for f in "$shared"/dicom-samples/chest/*.dcm "$cr"; do
  case "$f" in
    *jpegls*) tool=dcml2pnm ;;
    *j2k*)
      codestream=${TMPDIR:-/tmp}/xraytriage-bench-$(basename "$f" .dcm).j2k
      /usr/bin/python3 -c 'import sys, pydicom; from pydicom.encaps import generate_pixel_data_frame as g
open(sys.argv[2], "wb").write(next(g(pydicom.dcmread(sys.argv[1]).PixelData, 1)))' "$f" "$codestream"
      start=$(date +%s%N)
      for _ in $(seq "$runs"); do
        opj_decompress -quiet -i "$codestream" -o "$out" >/dev/null 2>&1
      done
      end=$(date +%s%N)
      printf '%-70s %10.1f  (opj_decompress)\n' "$(basename "$f")" "$(echo "($end - $start) / 1000000 / $runs" | bc -l)"
      continue ;;
    *) tool=dcmj2pnm ;;
  esac
  # Window: the file's first window when it has one, else min-max (DCMTK's nearest equivalent to our auto window).
  if dcmdump +P 0028,1050 "$f" 2>/dev/null | grep -q 1050; then voi=(+Wi 1); else voi=(+Wm); fi
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do
    "$tool" +Ma "${voi[@]}" +op "$f" "$out" 2>/dev/null
  done
  end=$(date +%s%N)
  printf '%-70s %10.1f\n' "$(basename "$f")" "$(echo "($end - $start) / 1000000 / $runs" | bc -l)"
done
