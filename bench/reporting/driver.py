#!/usr/bin/python3
"""Measurement for bench/reporting/run.sh (issue 8's report delivery benchmark).

Sub-commands (run.sh calls them in this order):
  orthanc-config DIR AET DICOM_PORT HTTP_PORT   write Orthanc's JSON configuration (own storage, loopback, no plugins)
  push     FILMS PORT                           one storescu association with every film to serve
  wait     STUDIES TIMEOUT                      until STUDIES report deliveries are Delivered (or fail loudly)
  peer     HTTP_PORT DICOM_PORT AET K OUT       DCMTK dcmsend re-sends one delivered study's SR and heatmap images
                                                (downloaded from Orthanc) K times: the bare C-STORE cost, same run
  report   STUDIES HTTP_PORT PEER               the markdown table
  burst    STUDIES TIMEOUT                      re-queue every delivered report at once (Pending, due now) and time
                                                the drain: delivery alone, without triage setting the pace

"Settled" is triage.reports.created_at (the report row is written in the settling transaction); "stored at the PACS"
is report_deliveries.delivered_at, written right after Orthanc's last C-STORE-RSP (success) of the report's objects.
Both are serve's clock.
"""
import glob
import json
import os
import statistics
import subprocess
import sys
import shutil
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "pipeline"))
from driver import psql, pct  # noqa: E402  (same PostgreSQL helpers as the pipeline benchmark)

SERVE_AE = "XRAYTRIAGE"


def orthanc_config(folder, aet, dicom_port, http_port):
    os.makedirs(folder, exist_ok=True)
    config = {
        "Name": "xraytriage-bench-pacs", "StorageDirectory": os.path.join(folder, "storage"),
        "IndexDirectory": os.path.join(folder, "index"), "HttpPort": int(http_port), "DicomPort": int(dicom_port),
        "DicomAet": aet, "RemoteAccessAllowed": False, "AuthenticationEnabled": False, "Plugins": [],
        "DicomAlwaysAllowStore": True, "DicomAlwaysAllowEcho": True, "DicomCheckCalledAet": True,
    }
    with open(os.path.join(folder, "orthanc.json"), "w") as f:
        json.dump(config, f)


def push(folder, port):
    files = sorted(glob.glob(os.path.join(folder, "*.dcm")))
    subprocess.run(["storescu", "-aet", "MODALITY", "-aec", SERVE_AE, "127.0.0.1", str(port)] + files, check=True)


def wait(studies, timeout):
    deadline = time.time() + float(timeout)
    while time.time() < deadline:
        rows = dict((s, int(c)) for s, c in psql("SELECT state, count(*) FROM triage.report_deliveries GROUP BY state"))
        if rows.get("Delivered", 0) >= int(studies):
            return
        if rows.get("Failed", 0):
            sys.exit(f"deliveries failed: {psql('SELECT id, last_error FROM triage.report_deliveries WHERE state = $$Failed$$')}")
        time.sleep(0.5)
    sys.exit(f"not all {studies} reports delivered within {timeout} s: {rows}")


def rest(http_port, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{http_port}{path}", data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request) as response:
        data = response.read()
    return data if path.endswith("/file") else json.loads(data)


def peer(http_port, dicom_port, aet, k, out):
    study = psql("SELECT s.study_instance_uid FROM triage.studies s JOIN triage.reports r ON r.study_id = s.id "
                 "ORDER BY r.id LIMIT 1")[0][0]
    ids = rest(http_port, "/tools/find", {"Level": "Instance", "Query": {"StudyInstanceUID": study, "Modality": "SR"}})
    ids += rest(http_port, "/tools/find", {"Level": "Instance", "Query": {"StudyInstanceUID": study, "Modality": "OT"}})
    folder = tempfile.mkdtemp(prefix="xraytriage-bench-peer-")
    files = []
    for n, i in enumerate(ids):
        path = os.path.join(folder, f"{n}.dcm")
        with open(path, "wb") as f:
            f.write(rest(http_port, f"/instances/{i}/file"))
        files.append(path)
    times = []
    for _ in range(int(k)):
        started = time.perf_counter()
        subprocess.run(["dcmsend", "-aet", SERVE_AE, "-aec", aet, "127.0.0.1", str(dicom_port)] + files,
                       check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    size = sum(os.path.getsize(p) for p in files)
    shutil.rmtree(folder)
    with open(out, "w") as f:
        json.dump({"objects": len(files), "bytes": size, "seconds": times}, f)


def report(studies, http_port, peer_file):
    rows = psql("SELECT extract(epoch FROM d.delivered_at - r.created_at), d.attempts FROM triage.report_deliveries d "
                "JOIN triage.reports r ON r.id = d.report_id WHERE d.state = 'Delivered'")
    latency = [float(r[0]) for r in rows]
    attempts = [int(r[1]) for r in rows]
    span = psql("SELECT extract(epoch FROM max(d.delivered_at) - min(r.created_at)) FROM triage.report_deliveries d "
                "JOIN triage.reports r ON r.id = d.report_id")[0][0]
    srs = rest(http_port, "/tools/find", {"Level": "Instance", "Query": {"Modality": "SR"}})
    with open(peer_file) as f:
        bare = json.load(f)
    print(f"| measure | value |\n|---|---|")
    print(f"| studies (4 images each) delivered | {len(latency)} of {studies}; SRs at Orthanc: {len(srs)}; attempts max {max(attempts)} |")
    print(f"| settled → SR and heatmaps stored, p50 | {pct(latency, 50):.2f} s |")
    print(f"| settled → SR and heatmaps stored, p95 | {pct(latency, 95):.2f} s |")
    print(f"| settled → stored, max | {max(latency):.2f} s |")
    print(f"| first settled → last stored ({len(latency)} reports) | {float(span):.1f} s |")
    print(f"| peer: DCMTK dcmsend of one report's {bare['objects']} objects ({bare['bytes'] / 1e6:.1f} MB) to the same Orthanc, p50 of {len(bare['seconds'])} | {statistics.median(bare['seconds']):.2f} s |")


def burst(studies, timeout):
    start = float(psql("SELECT extract(epoch FROM now())")[0][0])
    psql("UPDATE triage.report_deliveries SET state = 'Pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL, "
         "lease_until = NULL, updated_at = now() WHERE state = 'Delivered'")
    deadline = time.time() + float(timeout)
    while time.time() < deadline:
        done = int(psql("SELECT count(*) FROM triage.report_deliveries WHERE state = 'Delivered'")[0][0])
        if done >= int(studies):
            break
        time.sleep(0.2)
    else:
        sys.exit(f"the burst was not delivered within {timeout} s")
    latency = [float(r[0]) - start for r in psql("SELECT extract(epoch FROM delivered_at) FROM triage.report_deliveries WHERE state = 'Delivered'")]
    span = max(latency)
    print(f"| burst: {len(latency)} reports re-queued at once, first claim → last stored | {span:.1f} s ({len(latency) / span:.2f} reports/s) |")
    print(f"| burst: re-queued → stored, p50 / p95 | {pct(latency, 50):.2f} / {pct(latency, 95):.2f} s |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"orthanc-config": orthanc_config, "push": push, "wait": wait, "peer": peer, "report": report, "burst": burst}[command](*args)
