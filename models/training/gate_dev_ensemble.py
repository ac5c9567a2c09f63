"""Development ensemble for the content gate: checkpoints + ONNX members + ensemble.json without training.

Each member is the ImageNet ResNet-18 (train.sh import_resnet18) with a seeded random 4-class head, saved as the
recipe's checkpoint format (<out>/checkpoints/<name>.pt = {"arch", "spec", "temperature", "state"}) and exported as
train.py exports members. The classes it gives mean nothing; the pooled features are ImageNet features, which is
enough to exercise gate.py and the service's gate end to end (tests, and before the trained checkpoints exist).

  gate_dev_ensemble.py --weights resnet18-imagenet.pt --out DIR [--member name=a,size=64 ...]
"""
import argparse
import os
import sys

import torch
from torch import nn

import data
import export
import preprocess
import resnet

FINDINGS = ["covid19", "viral_pneumonia", "lung_opacity"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", required=True, help="resnet18-imagenet.pt from import_resnet18_onnx.py")
    parser.add_argument("--out", required=True)
    parser.add_argument("--member", action="append", help="name=,size=,seed= (default: dev-224 and dev-176)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    os.makedirs(os.path.join(args.out, "checkpoints"), exist_ok=True)
    entries = []
    for text in args.member or ["name=dev-224,size=224,seed=11", "name=dev-176,size=176,seed=23"]:
        fields = dict(part.split("=", 1) for part in text.split(","))
        torch.manual_seed(int(fields.get("seed", 1)))
        model = resnet.build("resnet18-cntk", 1000)
        missing, _ = model.load_state_dict(torch.load(args.weights, map_location="cpu"), strict=False)
        assert all(k.startswith("fc.") for k in missing), missing
        model.fc = nn.Linear(512, len(data.LABELS))
        model.eval()
        spec = preprocess.default_spec(int(fields["size"]))
        name = fields["name"]
        torch.save({"arch": "resnet18-cntk", "spec": spec, "temperature": 1.0, "state": model.state_dict()},
                   os.path.join(args.out, "checkpoints", f"{name}.pt"))
        path = os.path.join(args.out, f"{name}.onnx")
        export.export_member(model, 1.0, spec, path)
        entries.append({"name": name, "file": os.path.basename(path), "sha256": export.sha256(path),
                        "architecture": "resnet18-cntk", "weight": 1.0, "input": spec, "outputs": export.OUTPUTS})
        print(f"wrote {path} and checkpoints/{name}.pt")
    triage = {"findings": {f: {"threshold": 0.5} for f in FINDINGS}, "chosenOn": "none (development ensemble)",
              "target": "none"}
    export.write_manifest(os.path.join(args.out, "ensemble.json"), "0.0.0-dev", data.LABELS, entries, triage,
                          {"note": "gate_dev_ensemble.py: ImageNet features, random heads; not a classifier"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
