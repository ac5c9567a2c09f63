"""Train the XrayTriage ensemble and write models/: ONNX members, ensemble.json (hashes, metrics, thresholds).

The research method: ImageNet transfer learning, augmentation, class-balanced sampling, and an ensemble
whose member weight ratio is re-estimated after every epoch from validation results (the grid-searched
weights minimising ensemble validation NLL, blended 50/50 with the previous ratio).

  /usr/bin/python3 train.py --data ../shared/data/cxr --out models \
      --member name=resnet18-224,arch=resnet18-cntk,size=224,seed=11,weights=/tmp/resnet18-cntk.pt \
      --member name=resnet18-192,arch=resnet18-cntk,size=192,seed=23,weights=/tmp/resnet18-cntk.pt
A site with a GPU trains the paper's configuration with arch=resnet101 / arch=resnet152 and torchvision
ImageNet .pth files as weights= (train.sh --paper). See models/training/README.md.
"""
import argparse
import copy
import datetime
import os
import time

import numpy as np
import torch
from torch import nn

import augment
import data
import ensemble
import export
import preprocess
import resnet
import triage

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Member:
    def __init__(self, text, args):
        fields = dict(part.split("=", 1) for part in text.split(","))
        self.name, self.arch = fields["name"], fields.get("arch", "resnet18-cntk")
        self.size, self.seed = int(fields.get("size", 224)), int(fields.get("seed", 1))
        self.weights = fields.get("weights")
        self.spec = preprocess.default_spec(self.size)
        torch.manual_seed(self.seed)
        self.model = resnet.build(self.arch, 1000 if self.weights else len(data.LABELS), float(fields.get("dropout", 0.2)))
        if self.weights:
            state = torch.load(self.weights, map_location="cpu")
            missing, _ = self.model.load_state_dict(state, strict=False)
            assert all(k.startswith("fc.") for k in missing), f"{self.weights}: missing {missing[:5]}"
            self.model.fc = nn.Linear(self.model.fc.in_features, len(data.LABELS))
        stages = {"none": 0, "stem": 2, "layer1": 3, "layer2": 4, "layer3": 5}[fields.get("freeze", "layer1" if self.weights else "none")]
        self.frozen = [self.model.conv1, self.model.bn1, self.model.layer1, self.model.layer2, self.model.layer3][:stages]
        for module in self.frozen:
            module.requires_grad_(False)
        head = list(self.model.fc.parameters())
        body = [p for n, p in self.model.named_parameters() if p.requires_grad and not n.startswith("fc.")]
        self.optimizer = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr * 3}],
                                           weight_decay=1e-4)
        self.base_lrs = [args.lr, args.lr * 3]
        self.rng = np.random.default_rng(self.seed)
        self.best = (float("inf"), None, -1)
        self.temperature = 1.0

    def train_mode(self):
        self.model.train()
        for module in self.frozen:
            module.eval()

    def set_lr(self, fraction, warmup):
        scale = min(1.0, fraction / warmup) if fraction < warmup else 0.5 * (1 + np.cos(np.pi * (fraction - warmup) / (1 - warmup)))
        for group, base in zip(self.optimizer.param_groups, self.base_lrs):
            group["lr"] = base * max(scale, 0.02)

    def logits(self, tensors, batch=64):
        self.model.eval()
        with torch.no_grad():
            return np.concatenate([self.model(torch.from_numpy(np.array(tensors[i:i + batch]))).numpy() for i in range(0, len(tensors), batch)])


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with train/<class>/, val/<class>/ and labels.csv (sources)")
    parser.add_argument("--out", required=True, help="output folder (ONNX files + ensemble.json)")
    parser.add_argument("--member", action="append", required=True, help="name=,arch=,size=,seed=,weights=,dropout=,freeze=(none|stem|layer1|layer2|layer3)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--draws", type=int, default=2560, help="images drawn per epoch (class- and source-balanced)")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache", default=os.path.join(REPO, ".cache", "training"), help="decoded planes and tensors ('' = none)")
    parser.add_argument("--checkpoints", help="write each member's trained weights here (the content gate reads them)")
    parser.add_argument("--limit-per-class", type=int, help="smoke runs: use the first N images of each class")
    parser.add_argument("--max-steps", type=int, help="smoke runs: stop each epoch after N steps")
    parser.add_argument("--target-sensitivity", type=float, default=0.95)
    parser.add_argument("--reference", help="also write PyTorch reference outputs for the C# parity test here")
    parser.add_argument("--version", default="2.0.0")
    return parser.parse_args()


def train_epoch(members, sets, args, epoch):
    steps = args.draws // args.batch if args.max_steps is None else args.max_steps
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    orders = [s.balanced_epoch(m.rng, args.draws) for m, s in zip(members, sets)]
    losses, started = [[] for _ in members], time.time()
    for m in members:
        m.train_mode()
    for step in range(steps):
        for k, (m, s) in enumerate(zip(members, sets)):
            indices = orders[k][step * args.batch:(step + 1) * args.batch]
            batch = np.stack([augment.augment(s.planes[i], m.spec, m.rng) for i in indices])
            m.set_lr((epoch + step / steps) / args.epochs, warmup=min(0.5, 1.0 / args.epochs))
            loss = criterion(m.model(torch.from_numpy(batch)), torch.from_numpy(s.labels[indices]))
            m.optimizer.zero_grad()
            loss.backward()
            m.optimizer.step()
            losses[k].append(float(loss))
        elapsed = time.time() - started
        print(f"\r  epoch {epoch + 1}/{args.epochs} step {step + 1}/{steps} loss "
              + " ".join(f"{np.mean(l[-20:]):.3f}" for l in losses)
              + f" ({elapsed:.0f}s, eta {elapsed / (step + 1) * (steps - step - 1):.0f}s)", end="", flush=True)
    print()
    return [float(np.mean(l)) for l in losses]


def main():
    args = parse()
    torch.set_num_threads(args.threads)
    started = time.time()
    members = [Member(text, args) for text in args.member]
    train_items = data.list_images(os.path.join(args.data, "train"), args.limit_per_class)
    val_items = data.list_images(os.path.join(args.data, "val"), args.limit_per_class)
    train_groups, val_groups = data.sources(train_items, args.data), data.sources(val_items, args.data)
    val_labels = np.array([label for _, label in val_items])
    print(f"{len(train_items)} training and {len(val_items)} validation images from {len(set(train_groups))} sources; "
          f"{args.draws} class- and source-balanced draws per epoch; members: {', '.join(m.name for m in members)}")
    args.train_count = len(train_items)
    sets = [data.TrainSet(train_items, train_groups, int(round(m.size * 1.15)), args.cache or None) for m in members]
    val = [data.eval_tensors(val_items, m.spec, args.cache or None) for m in members]
    loss = lambda p: ensemble.group_nll(p, val_labels, val_groups)  # noqa: E731 - the selection criterion, named once
    weights, history = [1.0 / len(members)] * len(members), []
    for epoch in range(args.epochs):
        epoch_started = time.time()
        train_losses = train_epoch(members, sets, args, epoch)
        probabilities = []
        for m, tensors in zip(members, val):
            p = ensemble.softmax(m.logits(tensors))
            probabilities.append(p)
            score = loss(p)
            if score < m.best[0]:
                m.best = (score, copy.deepcopy(m.model.state_dict()), epoch)
        searched = ensemble.search_weights(probabilities, val_labels, loss=loss)
        weights = [0.5 * w + 0.5 * s for w, s in zip(weights, searched)]
        combined = ensemble.combine(probabilities, weights)
        findings = triage.choose_thresholds(combined, val_labels, val_groups, args.target_sensitivity)
        row = {"epoch": epoch + 1, "trainLoss": [round(l, 4) for l in train_losses], "weights": [round(w, 3) for w in weights],
               "members": [dict(ensemble.summary(p, val_labels), groupNll=round(loss(p), 4)) for p in probabilities],
               "ensemble": ensemble.summary(combined, val_labels), "triage": triage.summary(combined, val_labels, val_groups, findings)}
        history.append(row)
        print(f"epoch {epoch + 1}/{args.epochs} ({time.time() - epoch_started:.0f}s): "
              + "; ".join(f"{m.name} bal {r['balancedAccuracy']:.3f} group-nll {r['groupNll']:.3f}" for m, r in zip(members, row["members"]))
              + f"; weights {'/'.join(f'{w:.2f}' for w in weights)} → ensemble bal {row['ensemble']['balancedAccuracy']:.3f}\n  "
              + triage.describe(row["triage"]), flush=True)
    finish(members, val, val_items, val_labels, val_groups, history, args, started)


def finish(members, val, val_items, val_labels, val_groups, history, args, started):
    os.makedirs(args.out, exist_ok=True)
    loss = lambda p: ensemble.group_nll(p, val_labels, val_groups)  # noqa: E731
    wrappers, probabilities = [], []
    for m, tensors in zip(members, val):
        m.model.load_state_dict(m.best[1])
        m.temperature = ensemble.fit_temperature(m.logits(tensors), val_labels, loss=lambda p: loss(p))
        wrapper = export.exported_module(m.model, m.temperature)
        wrappers.append(wrapper)
        probabilities.append(ensemble.softmax(_logits(wrapper, tensors)))
        if args.checkpoints:
            os.makedirs(args.checkpoints, exist_ok=True)
            torch.save({"arch": m.arch, "spec": m.spec, "temperature": m.temperature, "state": m.model.state_dict()},
                       os.path.join(args.checkpoints, f"{m.name}.pt"))
    weights = ensemble.search_weights(probabilities, val_labels, loss=loss)
    combined = ensemble.combine(probabilities, weights)
    findings = triage.choose_thresholds(combined, val_labels, val_groups, args.target_sensitivity)
    entries = []
    for m, wrapper, tensors, p, w in zip(members, wrappers, val, probabilities, weights):
        path = os.path.join(args.out, f"{m.name}.onnx")
        export.export_member(wrapper, m.spec, path)
        if args.reference:
            export.reference_outputs(wrapper, np.ascontiguousarray(tensors[:2]), args.reference, m.name)
        member_findings = triage.choose_thresholds(p, val_labels, val_groups, args.target_sensitivity)
        entries.append({"name": m.name, "file": os.path.basename(path), "sha256": export.sha256(path), "architecture": m.arch,
                        "weight": w, "input": m.spec, "outputs": export.OUTPUTS,
                        "metrics": dict(ensemble.summary(p, val_labels), groupNll=round(loss(p), 4), bestEpoch=m.best[2] + 1,
                                        temperature=round(m.temperature, 4),
                                        triage=triage.summary(p, val_labels, val_groups, member_findings))})
        print(f"wrote {path} (best epoch {m.best[2] + 1}, temperature {m.temperature:.2f}, weight {w:.2f}, float16 weights)")
    rule = "urgent when any finding's ensemble probability reaches its threshold, else routine"
    triage_entry = {"findings": findings, "chosenOn": "val", "rule": rule,
                    "target": f"sensitivity>={args.target_sensitivity} on every validation source of the finding"}
    training = {"date": datetime.date.today().isoformat(), "torch": torch.__version__, "data": os.path.abspath(args.data),
                "images": {"train": args.train_count, "val": len(val_items)}, "sampling": "class- and source-balanced",
                "drawsPerEpoch": args.draws, "selection": "mean validation NLL over (class, source) groups",
                "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "members": args.member,
                "wallSeconds": round(time.time() - started), "ensembleWeightsHistory": [h["weights"] for h in history],
                "history": history, "validation": dict(ensemble.summary(combined, val_labels),
                                                       triage=triage.summary(combined, val_labels, val_groups, findings))}
    export.write_manifest(os.path.join(args.out, "ensemble.json"), args.version, data.LABELS, entries, triage_entry, training)
    print(f"ensemble on val: {ensemble.summary(combined, val_labels)}; thresholds {findings}\n  "
          + triage.describe(training["validation"]["triage"]))


def _logits(wrapper, tensors, batch=64):
    with torch.no_grad():
        return np.concatenate([wrapper(torch.from_numpy(np.ascontiguousarray(tensors[i:i + batch])))[0].numpy()
                               for i in range(0, len(tensors), batch)])


if __name__ == "__main__":
    main()
