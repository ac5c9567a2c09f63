"""Times pydicom dcmread over the chest samples, the comparison for ParseBenchmarks (see docs/benchmarks.md).

Usage: /usr/bin/python3 bench/XrayTriage.Dicom.Benchmarks/pydicom_bench.py [SHARED_DIR]
"""
import glob
import os
import sys
import time

import pydicom

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
files = sorted(glob.glob(os.path.join(shared, "dicom-samples", "chest", "*.dcm")))
total = sum(os.path.getsize(f) for f in files)
for label, stop in (("header (stop_before_pixels)", True), ("full", False)):
    for f in files:
        pydicom.dcmread(f, stop_before_pixels=stop, force=True)
    rounds = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 5:
        for f in files:
            pydicom.dcmread(f, stop_before_pixels=stop, force=True)
        rounds += 1
    elapsed = time.perf_counter() - start
    per_op = elapsed / rounds
    print("pydicom %s: %.1f us per 6 files, %.0f files/s, %.0f MB/s of file size"
          % (label, per_op * 1e6, len(files) / per_op, total / per_op / 1e6))
