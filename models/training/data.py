"""Image folders (DIR/<class>/<image>) and their sources → cached planes for training, fixed tensors for validation.

Caches live under the recipe's cache folder (default <repo>/.cache/training, gitignored), keyed by the image
list and the preprocessing parameters, so a second run skips decoding (≈ 13 min on 2 cores for 7,529 films).
"""
import csv
import hashlib
import json
import os
import time

import numpy as np

import preprocess

LABELS = ["normal", "covid19", "viral_pneumonia", "lung_opacity"]
EXTENSIONS = (".png", ".jpg", ".jpeg")
UNLISTED = "unlisted"


def list_images(root, limit_per_class=None):
    items = []
    for index, label in enumerate(LABELS):
        folder = os.path.join(root, label)
        if not os.path.isdir(folder):
            raise SystemExit(f"missing class folder {folder} (expected {', '.join(LABELS)})")
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith(EXTENSIONS))
        items += [(os.path.join(folder, n), index) for n in names[:limit_per_class]]
    return items


def sources(items, data_root):
    """Each image's source (labels.csv `source_repo`, matched by `relative_path`); `unlisted` without a row."""
    path = os.path.join(data_root, "labels.csv")
    table = {}
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                table[os.path.normpath(row["relative_path"])] = row["source_repo"]
    return np.array([table.get(os.path.normpath(os.path.relpath(p, data_root)), UNLISTED) for p, _ in items])


def short_source(name):
    """A readable alias for tables: vikasb512/Capstone-Project → SIIM and so on (the repo name stays in JSON)."""
    aliases = {"vikasb512/Capstone-Project": "SIIM", "armiro/COVID-CXNet": "CXNet", "muhammedtalo/COVID-19": "NIH",
               "waliatushar/ai-pneumonia-detection": "Kermany", "pi-null-mezon/OpenIST": "OpenIST"}
    return aliases.get(name, name)


def _progress(prefix, done, total, started):
    rate = done / max(time.time() - started, 1e-6)
    print(f"\r{prefix} {done}/{total} ({rate:.0f}/s)", end="" if done < total else "\n", flush=True)


def _cache_path(cache_dir, kind, items, parameters):
    digest = hashlib.sha256(json.dumps([parameters, [(os.path.basename(p), l) for p, l in items]]).encode()).hexdigest()[:16]
    return os.path.join(cache_dir, f"{kind}-{digest}.npy") if cache_dir else None


def _cached(path, build):
    if path and os.path.exists(path):
        return np.load(path, mmap_mode="r")
    array = build()
    if path:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        np.save(path + ".tmp.npy", array)
        os.replace(path + ".tmp.npy", path)
    return array


class TrainSet:
    """Trimmed films resized to `cache` x `cache` (larger than the input, so the random affine step has room)."""

    def __init__(self, items, groups, cache, cache_dir=None):
        self.labels = np.array([label for _, label in items])
        self.groups = np.asarray(groups)

        def build():
            planes, started = np.empty((len(items), cache, cache), np.float32), time.time()
            for i, (path, _) in enumerate(items):
                planes[i] = preprocess.area_resize(preprocess.trim_borders(preprocess.load_gray(path)), cache, cache)
                if (i + 1) % 200 == 0 or i + 1 == len(items):
                    _progress(f"  caching train planes ({cache}px)", i + 1, len(items), started)
            return planes

        self.planes = _cached(_cache_path(cache_dir, f"planes{cache}", items, preprocess.FLAT_RANGE), build)

    def balanced_epoch(self, rng, draws):
        return balanced_draws(self.labels, self.groups, rng, draws)


def balanced_weights(labels, groups):
    """Per-image sampling weight (sums to 1): classes equally likely, and inside a class its groups equally likely."""
    weights = np.zeros(len(labels))
    classes = np.unique(labels)
    for k in classes:
        in_class = labels == k
        class_groups = np.unique(groups[in_class])
        for g in class_groups:
            members = in_class & (groups == g)
            weights[members] = 1.0 / (len(classes) * len(class_groups) * members.sum())
    return weights


def balanced_draws(labels, groups, rng, draws):
    """`draws` indices with replacement: classes equally likely, and inside a class its sources equally likely.

    The epoch has a fixed size, so adding films does not lengthen training, and a source with 2,900 films
    weighs as much as one with 500 inside its class."""
    weights = balanced_weights(labels, groups)
    return rng.choice(len(labels), size=draws, p=weights / weights.sum())


def eval_tensors(items, spec, cache_dir=None):
    """The exact inference preprocessing (preprocess.model_input) for every image: N x C x H x W float32."""

    def build():
        out, started = np.empty((len(items), spec["channels"], spec["height"], spec["width"]), np.float32), time.time()
        for i, (path, _) in enumerate(items):
            out[i] = preprocess.model_input(path, spec)
            if (i + 1) % 200 == 0 or i + 1 == len(items):
                _progress(f"  preprocessing ({spec['width']}px)", i + 1, len(items), started)
        return out

    return _cached(_cache_path(cache_dir, f"tensors{spec['width']}", items, spec), build)
