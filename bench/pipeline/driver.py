#!/usr/bin/python3
"""Load generator and measurement for bench/pipeline/run.sh (issue 7's pipeline benchmark).

Sub-commands (run.sh calls them in this order):
  generate OUT N              N chest films (CR, MONOCHROME2, 8-bit, PA, fresh UIDs) from ../shared/data/cxr/val
  steady   FILMS RATE OUT     one storescu per file, paced at RATE images/s; ack wall time per SOP Instance UID
  fast     FILMS OUT          one storescu association with all files; ack wall time per file from its -v log
  wait     ACKS TIMEOUT       until every acknowledged instance is Triaged/Failed/Skipped in PostgreSQL
  report   ...              the markdown table

The clocks compared are this machine's wall clock (time.time() when storescu reports the C-STORE response) and
triage.inference_runs.created_at (the serve process's UTC clock, the same timestamp as the committing transaction's
triage_results row). Both are the same system clock.
"""
import glob
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
AE = "XRAYTRIAGE"


def psql(sql):
    out = subprocess.run(["psql", os.environ["BENCH_PG"], "-X", "-A", "-t", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def generate(out, n):
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "cxr", "val")
    paths = sorted(p for p in glob.glob(os.path.join(root, "*", "*")) if p.lower().endswith((".png", ".jpg")))
    pictures = []
    for p in paths:
        img = Image.open(p).convert("L")
        if img.width >= 256 and img.height >= 256:
            pictures.append(np.asarray(img, dtype=np.uint8))
        if len(pictures) >= 60:
            break
    os.makedirs(out, exist_ok=True)
    study = series = None
    for i in range(n):
        if i % 4 == 0:
            study, series = generate_uid(), generate_uid()
        pixels = pictures[i % len(pictures)]
        sop = generate_uid()
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CR_IMAGE_STORAGE
        meta.MediaStorageSOPInstanceUID = sop
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID = CR_IMAGE_STORAGE
        ds.SOPInstanceUID = sop
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.Modality = "CR"
        ds.BodyPartExamined = "CHEST"
        ds.ViewPosition = "PA"
        ds.PatientName = f"Bench^{i // 4:05d}"
        ds.PatientID = f"BENCH{i // 4:05d}"
        ds.AccessionNumber = f"B{i // 4:07d}"
        ds.StudyDate = "20261126"
        ds.StudyTime = "120000"
        ds.StudyID = "1"
        ds.SeriesNumber = 1
        ds.InstanceNumber = i % 4 + 1
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows, ds.Columns = pixels.shape
        ds.BitsAllocated = 8
        ds.BitsStored = 8
        ds.HighBit = 7
        ds.PixelRepresentation = 0
        ds.PixelData = pixels.tobytes() + (b"\0" if pixels.size % 2 else b"")
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.save_as(os.path.join(out, f"{i:05d}.dcm"), write_like_original=False)


def films_of(folder):
    return sorted(glob.glob(os.path.join(folder, "*.dcm")))


def uid_of(path):
    return str(pydicom.dcmread(path, stop_before_pixels=True).SOPInstanceUID)


def storescu(files, verbose=False):
    extra = os.environ.get("BENCH_STORESCU_ARGS", "").split()  # e.g. -xy to propose JPEG baseline
    args = ["storescu"] + (["-v"] if verbose else []) + extra + ["-aet", "MODALITY", "-aec", AE, "127.0.0.1",
                                                        os.environ["BENCH_DICOM_PORT"]] + files
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)


def steady(folder, rate, out):
    files = films_of(folder)
    acks = {}
    refused = 0
    start = time.time()
    for i, f in enumerate(files):
        due = start + i / rate
        if due > time.time():
            time.sleep(due - time.time())
        p = storescu([f])
        p.communicate()
        if p.returncode == 0:
            acks[uid_of(f)] = time.time()
        else:
            refused += 1
    json.dump({"acks": acks, "refused": refused, "start": start, "end": time.time()}, open(out, "w"))


def fast(folder, out):
    files = films_of(folder)
    uids = {f: uid_of(f) for f in files}
    acks = {}
    refused = 0
    current = None
    start = time.time()
    p = storescu(files, verbose=True)
    for line in p.stdout:  # storescu flushes each log line; the time a line arrives is the ack time
        now = time.time()
        if "Sending file: " in line:
            current = line.split("Sending file: ", 1)[1].strip()
        elif "Received Store Response" in line and current is not None:
            if "(Success" in line or "(Warning" in line:
                acks[uids[current]] = now
            else:
                refused += 1
            current = None
    p.wait()
    json.dump({"acks": acks, "refused": refused, "start": start, "end": time.time()}, open(out, "w"))


def wait(acks_file, timeout):
    uids = list(json.load(open(acks_file))["acks"])
    if not uids:
        return
    in_list = ",".join(f"'{u}'" for u in uids)
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = int(psql(f"SELECT count(*) FROM triage.instances WHERE sop_instance_uid IN ({in_list}) "
                        "AND state IN ('Triaged','Failed','Skipped')")[0][0])
        if done >= len(uids):
            return
        time.sleep(0.5)
    print(f"timeout: {done}/{len(uids)} finished", file=sys.stderr)


def measure(acks_file):
    data = json.load(open(acks_file))
    acks = data["acks"]
    in_list = ",".join(f"'{u}'" for u in acks) or "''"
    rows = psql("SELECT i.sop_instance_uid, i.state, extract(epoch FROM r.created_at), r.latency_ms, "
                "extract(epoch FROM i.received_at) FROM triage.instances i "
                f"LEFT JOIN triage.inference_runs r ON r.instance_id = i.id WHERE i.sop_instance_uid IN ({in_list})")
    lat, infer, committed, states = [], [], [], {}
    for uid, state, created, latency_ms, _received in rows:
        states[state] = states.get(state, 0) + 1
        if created:
            lat.append(float(created) - acks[uid])
            infer.append(float(latency_ms) / 1000)
            committed.append(float(created))
    return data, lat, infer, committed, states


def pct(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def report(steady_acks, fast_acks, classify_file, hwm_kb, rate):
    c = json.load(open(classify_file))
    bare = c["per_image_s"]
    lines = []
    lines.append("| run | images sent / acked / triaged | ack → committed p50 / p95 / p99 (s) | max (s) | "
                 "throughput (img/s) | worker decode+inference mean (ms) | pipeline overhead |")
    lines.append("|---|---|---|---|---|---|---|")
    notes = {}
    for name, f in (("steady", steady_acks), ("fast", fast_acks)):
        data, lat, infer, committed, states = measure(f)
        sent = len(data["acks"]) + data["refused"]
        triaged = states.get("Triaged", 0)
        mean_infer = statistics.mean(infer) if infer else float("nan")
        if name == "steady":
            label = f"steady {rate:g} img/s (storescu per file)"
            throughput = triaged / (max(committed) - data["start"]) if committed else float("nan")
            # Latency overhead: everything between the C-STORE ack and the commit that is not bare decode+inference.
            overhead = statistics.mean(lat) / bare - 1 if lat else float("nan")
            ov = f"{overhead * 100:+.0f} % (mean ack→commit {statistics.mean(lat) * 1000:.0f} ms vs bare {bare * 1000:.0f} ms)"
        else:
            label = "as fast as possible (1 association)"
            wall = max(committed) - data["start"] if committed else float("nan")
            throughput = triaged / wall
            # Throughput overhead: wall time per image (first C-STORE sent → last commit) vs bare per image.
            overhead = (wall / triaged) / bare - 1 if triaged else float("nan")
            ov = f"{overhead * 100:+.0f} % ({wall / triaged * 1000:.0f} ms/img wall vs bare {bare * 1000:.0f} ms)"
        notes[name] = (states, data["refused"])
        lines.append(f"| {label} | {sent} / {len(data['acks'])} / {triaged} | {pct(lat, 50):.2f} / {pct(lat, 95):.2f} / "
                     f"{pct(lat, 99):.2f} | {max(lat) if lat else float('nan'):.2f} | {throughput:.2f} | "
                     f"{mean_infer * 1000:.0f} | {ov} |")
    lines.append("")
    lines.append(f"Bare decode + inference (`xraytriage classify`, {c['k']} of the same files, one process): "
                 f"{bare * 1000:.0f} ms/image = ({c['t_k']:.2f} s − {c['t_1']:.2f} s) / {c['k'] - 1}. "
                 f"Peak RSS of serve (VmHWM at the end): {hwm_kb / 1024:.0f} MiB. "
                 f"Instance states: steady {notes['steady'][0]}, fast {notes['fast'][0]}; "
                 f"refused: steady {notes['steady'][1]}, fast {notes['fast'][1]}.")
    print("\n".join(lines))


def classify(folder, k, out):
    """Bare decode + inference per image: wall time of classify on k files minus classify on 1 file, over k − 1
    (removes process start-up and model loading)."""
    files = films_of(folder)[:k]
    cmd = os.environ["BENCH_XRAYTRIAGE"].split()

    def run(fs):
        t = time.time()
        subprocess.run(cmd + ["classify"] + fs, check=True, capture_output=True)
        return time.time() - t

    def cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    run(files[:1])  # warm the page cache / JIT files
    c0 = cpu()
    t1 = min(run(files[:1]), run(files[:1]))
    c1 = cpu()
    tk = run(files)
    c2 = cpu()
    json.dump({"k": k, "t_1": t1, "t_k": tk, "per_image_s": (tk - t1) / (k - 1),
               "cpu_per_image_s": ((c2 - c1) - (c1 - c0) / 2) / (k - 1)}, open(out, "w"))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "generate":
        generate(args[0], int(args[1]))
    elif cmd == "steady":
        steady(args[0], float(args[1]), args[2])
    elif cmd == "fast":
        fast(args[0], args[1])
    elif cmd == "wait":
        wait(args[0], float(args[1]))
    elif cmd == "classify":
        classify(args[0], int(args[1]), args[2])
    elif cmd == "report":
        report(args[0], args[1], args[2], int(args[3]), float(args[4]))
    else:
        sys.exit(f"unknown command {cmd}")
