"""Content gate: "is this a frontal chest radiograph this ensemble can read?" (issue 16).

Method (Lee et al., 2018, "A simple unified framework for detecting out-of-distribution samples"): class-conditional
Gaussians with one tied covariance in the ensemble's own pooled-feature space.

  f      = for each member in manifest order, the mean over H,W of its `features` output [N, C, h, w], concatenated
  mu_k   = mean of f over the training films of class k (no augmentation: the exact inference preprocessing,
           preprocess.model_input(path, member spec))
  Sigma  = (1 - s) S + s (tr(S) / D) I, S the pooled within-class covariance, s the Ledoit-Wolf (2004) shrinkage
           computed from the data (D = 1024 features from a few thousand films: S alone is near-singular)
  score  = min_k (f - mu_k)^T Sigma^-1 (f - mu_k)

Export: content-gate.onnx, input `pooled` float32 [N, D] -> output `score` float32 [N], with W = Sigma^-1/2 and
score = min_k || f W - mu_k W ||^2 (opset 13, dynamic batch). Threshold: the smallest value such that at least
--pass-rate of the validation films of EVERY source (labels.csv `source_repo`) score <= threshold.

Blank check (no model): the 1st-99th percentile range of the 8-bit gray plane (load_gray: before trim and contrast
stretch; percentile = sorted value at index floor(q (n - 1)), as preprocess.contrast_stretch) below
BLANK_MIN_RANGE grey levels -> BlankImage. XrayTriage.Imaging computes the same on the same plane.

  gate.py --models DIR --checkpoints DIR --data DATA [--limit-per-class N] [--pass-rate 0.99]

reads DIR/ensemble.json, loads <checkpoints>/<member-name>.pt = {"arch", "spec", "temperature", "state"}, writes
DIR/content-gate.onnx and the manifest's top-level `contentGate`. Features are cached under
<checkpoints>/gate-features/ keyed by the checkpoint's SHA-256, so a re-run only computes what is new.
"""
import argparse
import csv
import json
import math
import os
import sys
import time

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

import data
import export
import preprocess
import resnet

GATE_FILE = "content-gate.onnx"
METHOD = "mahalanobis-tied-covariance"
FEATURE_SOURCE = "mean over H,W of each member's features output, concatenated in member order"
BLANK_MIN_RANGE = 8
BLANK_PERCENTILES = [0.01, 0.99]


def load_member(checkpoint_path):
    """The exported module (export.exported_module: forward -> logits, features, class_maps) and its input spec."""
    checkpoint = torch.load(checkpoint_path, map_location="cpu")
    model = resnet.build(checkpoint["arch"], len(data.LABELS))
    model.load_state_dict(checkpoint["state"])
    return export.exported_module(model, float(checkpoint["temperature"])).eval(), checkpoint["spec"]


def pooled_features(module, batch):
    """The one place that calls the member: mean over H,W of its `features` output -> [N, C] float32."""
    with torch.no_grad():
        _, features, _ = module(torch.from_numpy(batch))
    return features.mean(dim=(2, 3)).numpy().astype(np.float32)


def gray_range(gray, percentiles=BLANK_PERCENTILES):
    """Grey levels between the low and high percentile of an 8-bit plane (the blank-image measure)."""
    counts = np.bincount(gray.ravel(), minlength=256)
    cumulative = np.cumsum(counts)
    n = gray.size
    lo = int(np.searchsorted(cumulative, math.floor(percentiles[0] * (n - 1)) + 1))
    hi = int(np.searchsorted(cumulative, math.floor(percentiles[1] * (n - 1)) + 1))
    return hi - lo


def is_blank(gray):
    return gray_range(gray) < BLANK_MIN_RANGE


def _progress(prefix, done, total, started):
    rate = done / max(time.time() - started, 1e-6)
    print(f"\r{prefix} {done}/{total} ({rate:.1f}/s)", end="" if done < total else "\n", flush=True)


class FeatureCache:
    """Pooled features of one member per image path (relative to the data folder), stored as .npz per checkpoint hash."""

    def __init__(self, folder, member, checkpoint_hash):
        os.makedirs(folder, exist_ok=True)
        self.path = os.path.join(folder, f"{member}-{checkpoint_hash[:16]}.npz")
        self.rows = {}
        if os.path.exists(self.path):
            stored = np.load(self.path)
            self.rows = dict(zip(stored["paths"].tolist(), stored["features"]))

    def save(self):
        paths = sorted(self.rows)
        np.savez(self.path + ".tmp.npz", paths=np.array(paths), features=np.stack([self.rows[p] for p in paths]))
        os.replace(self.path + ".tmp.npz", self.path)


def member_features(module, spec, paths, root, cache, batch=16):
    """[len(paths), C] pooled features, computing only the images the cache does not hold."""
    keys = [os.path.relpath(p, root) for p in paths]
    todo = [i for i, k in enumerate(keys) if k not in cache.rows]
    started = time.time()
    for start in range(0, len(todo), batch):
        chunk = todo[start:start + batch]
        tensors = np.stack([preprocess.model_input(paths[i], spec) for i in chunk])
        for i, row in zip(chunk, pooled_features(module, tensors)):
            cache.rows[keys[i]] = row
        _progress(f"  features {spec['width']}px", min(start + batch, len(todo)), len(todo), started)
        if (start // batch) % 20 == 19:
            cache.save()
    if todo:
        cache.save()
    return np.stack([cache.rows[k] for k in keys])


def ensemble_features(members, paths, root, checkpoints):
    parts = []
    for name, module, spec, digest in members:
        cache = FeatureCache(os.path.join(checkpoints, "gate-features"), name, digest)
        print(f"member {name}: {len(paths)} images")
        parts.append(member_features(module, spec, paths, root, cache))
    return np.concatenate(parts, axis=1)


def ledoit_wolf(centered):
    """Shrunk covariance (1 - s) S + s mu I and s, as Ledoit & Wolf (2004) / sklearn.covariance.ledoit_wolf."""
    n, d = centered.shape
    x = centered.astype(np.float64)
    s = x.T @ x / n
    mu = np.trace(s) / d
    x2 = x ** 2
    beta = (np.sum(x2.T @ x2) / n - np.sum(s ** 2)) / (d * n)
    delta = (np.sum(s ** 2) - 2 * mu * np.trace(s) + d * mu ** 2) / d
    shrinkage = 0.0 if delta == 0 else min(beta, delta) / delta
    return (1 - shrinkage) * s + shrinkage * mu * np.eye(d), shrinkage


def fit(features, labels):
    classes = sorted(set(labels.tolist()))
    means = np.stack([features[labels == k].mean(axis=0) for k in classes]).astype(np.float64)
    centered = features - means[np.searchsorted(classes, labels)]
    sigma, shrinkage = ledoit_wolf(centered)
    values, vectors = np.linalg.eigh(sigma)
    whitening = (vectors / np.sqrt(values)) @ vectors.T  # Sigma^-1/2, symmetric
    return means, whitening, shrinkage


def scores(features, means, whitening):
    """What content-gate.onnx computes, in float32: min_k || f W - mu_k W ||^2."""
    w = whitening.astype(np.float32)
    projected_means = (means.astype(np.float32) @ w)
    z = features.astype(np.float32) @ w
    return np.min(np.sum((z[:, None, :] - projected_means[None]) ** 2, axis=2), axis=1)


def gate_graph(means, whitening):
    projected_means = (means @ whitening).astype(np.float32)
    d = whitening.shape[0]
    nodes = [
        helper.make_node("MatMul", ["pooled", "whitening"], ["z"]),
        helper.make_node("Unsqueeze", ["z", "axis1"], ["z3"]),
        helper.make_node("Sub", ["z3", "projected_means"], ["diff"]),
        helper.make_node("Mul", ["diff", "diff"], ["squared"]),
        helper.make_node("ReduceSum", ["squared", "axis2"], ["distances"], keepdims=0),
        helper.make_node("ReduceMin", ["distances"], ["score"], axes=[1], keepdims=0),
    ]
    initializers = [
        numpy_helper.from_array(whitening.astype(np.float32), "whitening"),
        numpy_helper.from_array(projected_means, "projected_means"),
        numpy_helper.from_array(np.array([1], np.int64), "axis1"),
        numpy_helper.from_array(np.array([2], np.int64), "axis2"),
    ]
    graph = helper.make_graph(
        nodes, "content_gate", [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", d])],
        [helper.make_tensor_value_info("score", TensorProto.FLOAT, ["batch"])], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="xraytriage-gate")
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def reference_scores(members, means, whitening, folder):
    """Scores of train.py's reference inputs (<member>.input.f32), computed here with PyTorch features and numpy, written
    as raw little-endian float32 gate.scores.f32: what the engine's ONNX members + content-gate.onnx must reproduce."""
    parts = []
    for name, module, _, _ in members:
        with open(os.path.join(folder, f"{name}.shapes.json"), encoding="utf-8") as handle:
            shape = json.load(handle)["input"]
        batch = np.fromfile(os.path.join(folder, f"{name}.input.f32"), dtype="<f4").reshape(shape)
        parts.append(pooled_features(module, batch))
    values = scores(np.concatenate(parts, axis=1), means, whitening)
    values.astype("<f4").tofile(os.path.join(folder, "gate.scores.f32"))
    return values


def threshold_for(val_scores, sources, pass_rate):
    """Smallest T with, for every source, at least ceil(pass_rate * n) of its films scoring <= T."""
    threshold = -math.inf
    for source in sorted(set(sources)):
        ordered = np.sort(val_scores[sources == source])
        threshold = max(threshold, float(ordered[math.ceil(pass_rate * len(ordered)) - 1]))
    return threshold


def source_of(data_root, paths):
    table = {}
    with open(os.path.join(data_root, "labels.csv"), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            table[row["relative_path"]] = row["source_repo"]
    return np.array([table.get(os.path.relpath(p, data_root).replace(os.sep, "/"), "unknown") for p in paths])


def load_members(manifest, checkpoints):
    members = []
    for entry in manifest["members"]:
        path = os.path.join(checkpoints, f"{entry['name']}.pt")
        if not os.path.exists(path):
            return None, path
        module, spec = load_member(path)
        if spec != entry["input"]:
            raise SystemExit(f"{path}: input spec {spec} differs from the manifest's {entry['input']}")
        members.append((entry["name"], module, entry["input"], export.sha256(path)))
    return members, None


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", required=True, help="folder with ensemble.json (the gate is written next to it)")
    parser.add_argument("--checkpoints", required=True, help="folder with <member-name>.pt per member")
    parser.add_argument("--data", required=True, help="folder with train/<class>/, val/<class>/ and labels.csv")
    parser.add_argument("--limit-per-class", type=int, help="smoke runs: the first N images of each class")
    parser.add_argument("--pass-rate", type=float, default=0.99, help="fraction of every source's val films that must pass")
    parser.add_argument("--reference", help="folder of train.py's parity inputs: also write PyTorch + numpy gate scores "
                        "for them (gate.scores.f32) for the C# parity test")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    torch.set_num_threads(2)
    manifest_path = os.path.join(args.models, "ensemble.json")
    with open(manifest_path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    members, missing = load_members(manifest, args.checkpoints)
    if members is None:
        message = f"gate.py: no checkpoint {missing}: content gate not fitted"
        raise SystemExit(message)

    train_items = data.list_images(os.path.join(args.data, "train"), args.limit_per_class)
    val_items = data.list_images(os.path.join(args.data, "val"), args.limit_per_class)
    train_paths = [p for p, _ in train_items]
    val_paths = [p for p, _ in val_items]
    train = ensemble_features(members, train_paths, args.data, args.checkpoints)
    val = ensemble_features(members, val_paths, args.data, args.checkpoints)
    means, whitening, shrinkage = fit(train, np.array([label for _, label in train_items]))
    val_scores = scores(val, means, whitening)
    sources = source_of(args.data, val_paths)
    threshold = threshold_for(val_scores, sources, args.pass_rate)
    per_source = {s: round(float(np.mean(val_scores[sources == s] <= threshold)), 4) for s in sorted(set(sources))}
    blank_films = sum(is_blank(preprocess.load_gray(p)) for p in val_paths)

    gate_path = os.path.join(args.models, GATE_FILE)
    onnx.save(gate_graph(means, whitening), gate_path)
    manifest["contentGate"] = {
        "method": METHOD, "file": GATE_FILE, "sha256": export.sha256(gate_path), "input": "pooled", "output": "score",
        "featureSource": FEATURE_SOURCE, "threshold": float(np.float32(threshold)), "passRateTarget": args.pass_rate,
        "perSourcePassRate": per_source, "blank": {"minRange": BLANK_MIN_RANGE, "percentiles": BLANK_PERCENTILES},
        "fittedOn": {"train": len(train_paths), "val": len(val_paths)}}
    with open(manifest_path, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")

    print(f"content gate: D={train.shape[1]}, Ledoit-Wolf shrinkage {shrinkage:.4f}, threshold {threshold:.2f} "
          f"(train scores median {np.median(scores(train, means, whitening)):.1f}, val median {np.median(val_scores):.1f})")
    for source, rate in per_source.items():
        print(f"  {source}: {rate:.2%} of {int(np.sum(sources == source))} val films pass")
    print(f"  val films the blank check would refuse: {blank_films}")
    if args.reference:
        print(f"  reference gate scores: {', '.join(f'{s:.3f}' for s in reference_scores(members, means, whitening, args.reference))}")
    print(f"wrote {gate_path} and contentGate in {manifest_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
