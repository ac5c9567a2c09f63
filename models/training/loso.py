"""Leave-one-source-out: how a recipe's flag behaves on films from a source it never saw (issue 15).

A cheap configuration, as the issue allows: the ImageNet ResNet-18 frozen, its pooled features computed once
with the inference preprocessing (cached), and a softmax head trained on them. For every (class, source) pair of
a class with two or more sources, the head is trained without that pair (train split), thresholds are chosen on
the validation films of the remaining groups with the recipe's rule (sensitivity >= target on every source of a
finding), and the left-out films (train + val) are scored: normals left routine, COVID films flagged urgent.
Two samplers are compared: "class" (v1: classes equally weighted) and "source" (v2: classes equally weighted,
sources equally weighted inside their class).

  /usr/bin/python3 loso.py --data ../shared/data/cxr --weights resnet18-imagenet.pt [--preprocess stretch|equalize]
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from PIL import Image, ImageOps

import data
import preprocess
import resnet
import triage

LEFT_OUT = [("normal", s) for s in ("muhammedtalo/COVID-19", "pi-null-mezon/OpenIST", "vikasb512/Capstone-Project",
                                     "waliatushar/ai-pneumonia-detection")] + \
           [("covid19", s) for s in ("armiro/COVID-CXNet", "vikasb512/Capstone-Project")]


def _input(path, spec, variant):
    gray = preprocess.load_gray(path)
    if variant == "equalize":
        gray = np.asarray(ImageOps.equalize(Image.fromarray(gray)))
    return preprocess.normalize(preprocess.fit(gray, spec), spec)


def features(items, weights, variant, cache):
    path = os.path.join(cache, f"loso-features-{variant}-{len(items)}.npy")
    if os.path.exists(path):
        return np.load(path)
    model = resnet.build("resnet18-cntk", 1000)
    model.load_state_dict(torch.load(weights, map_location="cpu"), strict=False)  # no classifier: features only
    model.eval()
    spec, out, started = preprocess.default_spec(224), np.empty((len(items), 512), np.float32), time.time()
    with torch.no_grad():
        for start in range(0, len(items), 32):
            batch = np.stack([_input(p, spec, variant) for p, _ in items[start:start + 32]])
            out[start:start + len(batch)] = model.features(torch.from_numpy(batch)).mean(dim=(2, 3)).numpy()
            done = start + len(batch)
            print(f"\r  features ({variant}) {done}/{len(items)} ({done / (time.time() - started):.1f}/s)",
                  end="" if done < len(items) else "\n", flush=True)
    os.makedirs(cache, exist_ok=True)
    np.save(path, out)
    return out


def fit_head(x, labels, sample_weights, seed=0, epochs=300):
    """Multinomial logistic regression (full-batch Adam, L2) on standardised features; returns a scorer."""
    torch.manual_seed(seed)
    mean, std = x.mean(0), x.std(0) + 1e-6
    xt = torch.from_numpy((x - mean) / std)
    head = torch.nn.Linear(x.shape[1], len(data.LABELS))
    optimizer = torch.optim.Adam(head.parameters(), lr=0.01, weight_decay=1e-3)
    y, w = torch.from_numpy(labels), torch.from_numpy((sample_weights / sample_weights.mean()).astype(np.float32))
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = (torch.nn.functional.cross_entropy(head(xt), y, reduction="none") * w).mean()
        loss.backward()
        optimizer.step()
    return lambda z: torch.softmax(head(torch.from_numpy((z - mean) / std)), 1).detach().numpy()


def sample_weights(labels, groups, sampler):
    """"class": classes equal (v1); "source": classes equal and sources equal inside a class (v2, the training sampler)."""
    return data.balanced_weights(labels, groups if sampler == "source" else np.zeros(len(labels)))


def run(args):
    torch.set_num_threads(args.threads)
    train_items, val_items = data.list_images(os.path.join(args.data, "train")), data.list_images(os.path.join(args.data, "val"))
    items = train_items + val_items
    split = np.array(["train"] * len(train_items) + ["val"] * len(val_items))
    labels = np.array([label for _, label in items])
    groups = np.concatenate([data.sources(train_items, args.data), data.sources(val_items, args.data)])
    x = features(items, args.weights, args.preprocess, args.cache)
    results = {}
    for sampler in ("class", "source"):
        for name, source in LEFT_OUT:
            k = data.LABELS.index(name)
            held = (labels == k) & (groups == source)
            train = (split == "train") & ~held
            val = (split == "val") & ~held
            score = fit_head(x[train], labels[train], sample_weights(labels[train], groups[train], sampler))
            findings = triage.choose_thresholds(score(x[val]), labels[val], groups[val], args.target)
            flagged = triage.urgent(score(x[held]), findings)
            share = float((~flagged).mean()) if name == "normal" else float(flagged.mean())
            key = f"{name} without {data.short_source(source)}"
            results.setdefault(key, {})[sampler] = {"share": round(share, 4), "n": int(held.sum()),
                                                    "measure": "left routine" if name == "normal" else "flagged urgent"}
            print(f"  {sampler:6s} {key:28s} {results[key][sampler]['measure']}: {share:.3f} of {held.sum()}", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--weights", required=True, help="resnet18-imagenet.pt from import_resnet18_onnx.py")
    parser.add_argument("--preprocess", default="stretch", choices=["stretch", "equalize"])
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--cache", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".cache", "training"))
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    results = run(args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"preprocess": args.preprocess, "target": args.target, "results": results}, handle, indent=2)


if __name__ == "__main__":
    main()
