"""Image folders (DIR/<class>/<image>) → cached planes for training and fixed tensors for validation."""
import os
import time

import numpy as np

import preprocess

LABELS = ["normal", "covid19", "viral_pneumonia", "lung_opacity"]
EXTENSIONS = (".png", ".jpg", ".jpeg")


def list_images(root, limit_per_class=None):
    items = []
    for index, label in enumerate(LABELS):
        folder = os.path.join(root, label)
        if not os.path.isdir(folder):
            raise SystemExit(f"missing class folder {folder} (expected {', '.join(LABELS)})")
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith(EXTENSIONS))
        items += [(os.path.join(folder, n), index) for n in names[:limit_per_class]]
    return items


def _progress(prefix, done, total, started):
    rate = done / max(time.time() - started, 1e-6)
    print(f"\r{prefix} {done}/{total} ({rate:.0f}/s)", end="" if done < total else "\n", flush=True)


class TrainSet:
    """Trimmed films resized to `cache` x `cache` (larger than the input, so the random affine step has room)."""

    def __init__(self, items, cache):
        self.labels = np.array([label for _, label in items])
        self.planes, started = [], time.time()
        for i, (path, _) in enumerate(items, 1):
            gray = preprocess.trim_borders(preprocess.load_gray(path))
            self.planes.append(preprocess.area_resize(gray, cache, cache).astype(np.float32))
            if i % 200 == 0 or i == len(items):
                _progress(f"  caching train planes ({cache}px)", i, len(items), started)

    def balanced_epoch(self, rng):
        """Class-balanced sampling with replacement: every class equally likely, epoch = len(set)."""
        counts = np.bincount(self.labels, minlength=len(LABELS))
        weights = 1.0 / counts[self.labels]
        return rng.choice(len(self.labels), size=len(self.labels), p=weights / weights.sum())


def eval_tensors(items, spec):
    """The exact inference preprocessing (preprocess.model_input) for every image: N x C x H x W float32."""
    out, started = np.empty((len(items), spec["channels"], spec["height"], spec["width"]), np.float32), time.time()
    for i, (path, _) in enumerate(items):
        out[i] = preprocess.model_input(path, spec)
        if (i + 1) % 200 == 0 or i + 1 == len(items):
            _progress(f"  preprocessing val ({spec['width']}px)", i + 1, len(items), started)
    return out
