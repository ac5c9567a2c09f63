#!/usr/bin/python3
"""Measurement for bench/pipeline/flatout.sh (issue 20, item 1): the pipeline flat out against `classify` and against
bare decode + bare batched inference of the same films.

Sub-commands:
  jpeg     IN OUT            every film of IN re-encoded as JPEG baseline 8-bit (DCMTK dcmcjpeg +eb) into OUT
  scrape   URL OUT           the serve process's /metrics: per-stage time sums and counts, micro-batch sizes
  threads  PID OUT           CPU seconds so far of PID's threads by thread name (JSON)
  cpu      POSTMASTER PID... CPU seconds so far of each PID (serve, Orthanc, …) and of the PostgreSQL cluster
                            (postmaster, reaped and live children), one line "pid1 pid2 … postgres"
  run      ACKS METRICS0 METRICS1 CPU0 CPU1 LABEL OUT [THREADS0 THREADS1]   one flat-out run: throughput (first C-STORE sent → last findings
                            committed), stages between two scrapes, CPU per image of serve and PostgreSQL between
                            CPU0 and CPU1, and of serve's threads by name
  report   CLASSIFY BARE RUN...   the markdown table
"""
import json
import os
import re
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from driver import films_of, measure  # noqa: E402

LINE = re.compile(r'^(?P<name>[a-z_]+)(?:\{(?P<labels>[^}]*)\})? (?P<value>[-+0-9.eE]+|NaN)')


def jpeg(src, out):
    os.makedirs(out, exist_ok=True)
    for f in films_of(src):
        subprocess.run(["dcmcjpeg", "+eb", f, os.path.join(out, os.path.basename(f))], check=True)


def scrape(url, out):
    text = urllib.request.urlopen(url + "/metrics", timeout=30).read().decode()
    stages, batch = {}, {"sum": 0.0, "count": 0.0}
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        name, labels, value = m["name"], m["labels"] or "", float(m["value"])
        stage = re.search(r'stage="([a-z]+)"', labels)
        if name.startswith("xraytriage_triage_stage_duration") and stage:
            entry = stages.setdefault(stage[1], {"sum": 0.0, "count": 0.0})
            if name.endswith("_sum"):
                entry["sum"] += value
            elif name.endswith("_count"):
                entry["count"] += value
        elif name.startswith("xraytriage_inference_batch_size"):
            if name.endswith("_sum"):
                batch["sum"] += value
            elif name.endswith("_count"):
                batch["count"] += value
    json.dump({"stages": stages, "batch": batch}, open(out, "w"))


def ticks(pid, children=False):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    # after the command: state is field 3, so utime/stime/cutime/cstime (fields 14-17) are at 11..14
    values = [int(v) for v in fields[11:15]]
    return sum(values) if children else values[0] + values[1]


def cpu(postmaster_pid, *pids):
    hz = os.sysconf("SC_CLK_TCK")
    processes = [ticks(pid) for pid in pids]
    postgres = ticks(postmaster_pid, children=True)
    for child in open(f"/proc/{postmaster_pid}/task/{postmaster_pid}/children").read().split():
        try:
            postgres += ticks(child)
        except FileNotFoundError:
            pass
    print(" ".join(f"{t / hz:.2f}" for t in processes + [postgres]))


def threads(pid, out):
    """CPU seconds so far of each thread of PID, summed by thread name (digits dropped: ".NET TP Worker", "onnxruntime…")."""
    hz = os.sysconf("SC_CLK_TCK")
    names = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name = re.sub(r"[0-9]+", "", open(f"/proc/{pid}/task/{tid}/comm").read().strip()).strip() or "?"
            names[name] = names.get(name, 0) + ticks(f"{pid}/task/{tid}") / hz
        except FileNotFoundError:
            pass
    json.dump(names, open(out, "w"))


def delta(before, after):
    """Stage and batch sums and counts of the measured push alone (the warm-up's taken off)."""
    stages = {}
    for name, entry in after["stages"].items():
        old = before["stages"].get(name, {"sum": 0.0, "count": 0.0})
        stages[name] = {"sum": entry["sum"] - old["sum"], "count": entry["count"] - old["count"]}
    batch = {k: after["batch"][k] - before["batch"][k] for k in ("sum", "count")}
    return {"stages": stages, "batch": batch}


def run(acks_file, metrics0, metrics1, cpu0, cpu1, label, out, threads0=None, threads1=None):
    data, _lat, _infer, committed, states = measure(acks_file)
    triaged = states.get("Triaged", 0)
    wall = max(committed) - data["start"]
    metrics = delta(json.load(open(metrics0)), json.load(open(metrics1)))
    (s0, p0), (s1, p1) = [[float(v) for v in c.split()] for c in (cpu0, cpu1)]
    if threads0 and threads1:
        t0, t1 = json.load(open(threads0)), json.load(open(threads1))
        metrics["threads_ms"] = {k: round((v - t0.get(k, 0)) * 1000 / max(triaged, 1), 1) for k, v in t1.items()
                                 if v - t0.get(k, 0) > 0}
    metrics["cpu_ms"] = {"serve": (s1 - s0) * 1000 / max(triaged, 1), "postgres": (p1 - p0) * 1000 / max(triaged, 1)}
    json.dump({"label": label, "triaged": triaged, "sent": len(data["acks"]) + data["refused"], "wall": wall,
               "throughput": triaged / wall, "states": states, **metrics}, open(out, "w"))


def report(classify_file, bare_file, runs):
    c = json.load(open(classify_file))
    b = json.load(open(bare_file))
    classify_rate = 1 / c["per_image_s"]
    bare_rate = b["images_per_s"]
    stage_names = ["claim", "read", "decode", "prepare", "inference", "record"]
    print(f"Reference, same films, same run: `classify` one process one at a time {classify_rate:.2f} img/s "
          f"({c['per_image_s'] * 1000:.0f} ms/image); bare decode + batched inference (batch {b['batch']}) "
          f"{bare_rate:.2f} img/s (decode {b['decode_ms_per_image']:.0f} + inference {b['inference_ms_per_image']:.0f} ms/image). "
          f"CPU per image: classify {c.get('cpu_per_image_s', float('nan')) * 1000:.0f} ms, bare {b.get('cpu_ms_per_image', float('nan')):.0f} ms.")
    print()
    print("| configuration | triaged / sent | wall (s) | img/s | vs classify | vs bare | CPU ms/img serve + PostgreSQL | "
          "mean batch | " + " | ".join(f"{s} ms" for s in stage_names) + " |")
    print("|---|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(stage_names))
    for f in runs:
        r = json.load(open(f))
        batch = r["batch"]["sum"] / r["batch"]["count"] if r["batch"]["count"] else float("nan")
        cells = []
        for s in stage_names:
            e = r["stages"].get(s)
            cells.append(f"{e['sum'] / e['count'] * 1000:.0f}" if e and e["count"] else "–")
        print(f"| {r['label']} | {r['triaged']} / {r['sent']} | {r['wall']:.1f} | {r['throughput']:.2f} | "
              f"{r['throughput'] / classify_rate:.2f}× | {r['throughput'] / bare_rate:.2f}× | "
              f"{r['cpu_ms']['serve']:.0f} + {r['cpu_ms']['postgres']:.0f} | {batch:.1f} | "
              + " | ".join(cells) + " |")
    print()
    for f in runs:
        r = json.load(open(f))
        if "threads_ms" in r:
            top = sorted(r["threads_ms"].items(), key=lambda kv: -kv[1])
            print(f"- {r['label']}: serve CPU ms per image by thread: " + ", ".join(f"{k} {v:g}" for k, v in top))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "jpeg":
        jpeg(args[0], args[1])
    elif cmd == "scrape":
        scrape(args[0], args[1])
    elif cmd == "threads":
        threads(args[0], args[1])
    elif cmd == "cpu":
        cpu(*args)
    elif cmd == "run":
        run(*args)
    elif cmd == "report":
        report(args[0], args[1], args[2:])
    else:
        sys.exit(f"unknown command {cmd}")
