"""ONNX export (logits + feature map + class activation maps, dynamic batch) and the manifest entries."""
import copy
import hashlib
import json
import os
import uuid

import torch
import torch.nn.functional as F
from torch import nn

OUTPUTS = {"logits": "logits", "featureMap": "features", "classMaps": "class_maps"}


class _Exported(nn.Module):
    """logits = fc(GAP(features)) / T; class_maps = the same classifier at every feature-map position."""

    def __init__(self, model, temperature):
        super().__init__()
        self.model = copy.deepcopy(model).eval()
        with torch.no_grad():
            self.model.fc.weight.div_(temperature)
            self.model.fc.bias.div_(temperature)
        self.eval()

    def forward(self, x):
        features = self.model.features(x)
        logits = self.model.fc(torch.flatten(self.model.avgpool(features), 1))
        class_maps = F.conv2d(features, self.model.fc.weight[:, :, None, None])
        return logits, features, class_maps


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export_member(model, temperature, spec, path):
    wrapper = _Exported(model, temperature)
    dummy = torch.zeros(1, spec["channels"], spec["height"], spec["width"])
    names = list(OUTPUTS.values())
    torch.onnx.export(wrapper, dummy, path, input_names=[spec["name"]], output_names=names, opset_version=13,
                      dynamic_axes={n: {0: "batch"} for n in [spec["name"]] + names}, do_constant_folding=True)
    return wrapper


def reference_outputs(wrapper, tensors, folder, name):
    """Write input and PyTorch outputs as raw little-endian float32 (+ shapes) for the C# parity test."""
    os.makedirs(folder, exist_ok=True)
    wrapper.eval()  # torch.onnx.export restores the module's previous mode recursively
    with torch.no_grad():
        outputs = wrapper(torch.from_numpy(tensors))
    shapes = {"input": list(tensors.shape)}
    tensors.astype("<f4").tofile(os.path.join(folder, f"{name}.input.f32"))
    for key, value in zip(OUTPUTS.values(), outputs):
        value.numpy().astype("<f4").tofile(os.path.join(folder, f"{name}.{key}.f32"))
        shapes[key] = list(value.shape)
    with open(os.path.join(folder, f"{name}.shapes.json"), "w", encoding="utf-8") as handle:
        json.dump(shapes, handle)


def write_manifest(path, version, labels, members, triage, training):
    manifest = {"name": "xraytriage-cxr", "version": version, "deviceUid": f"2.25.{uuid.uuid4().int}",
                "labels": labels, "ensembleRule": "weighted-mean-softmax", "members": members,
                "triage": triage, "training": training}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")
