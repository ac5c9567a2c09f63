"""ONNX export (logits + feature map + class activation maps, dynamic batch) and the manifest entries."""
import copy
import hashlib
import json
import os
import uuid

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper
from torch.nn.utils.fusion import fuse_conv_bn_eval
import torch.nn.functional as F
from torch import nn

OUTPUTS = {"logits": "logits", "featureMap": "features", "classMaps": "class_maps"}


class _Exported(nn.Module):
    """logits = fc(GAP(features)) / T; class_maps = the same classifier at every feature-map position.

    Batch norms are folded into their convolutions and every weight is rounded to float16 here, in PyTorch,
    so the module that validation, thresholds and the parity reference use computes exactly what the ONNX file
    (float16 storage, float32 arithmetic) computes, and each member file is half the size."""

    def __init__(self, model, temperature):
        super().__init__()
        self.model = copy.deepcopy(model).eval()
        with torch.no_grad():
            self.model.fc.weight.div_(temperature)
            self.model.fc.bias.div_(temperature)
            _fold_batch_norms(self.model)
            for tensor in list(self.model.parameters()) + list(self.model.buffers()):
                if tensor.is_floating_point():
                    tensor.copy_(tensor.half().float())
        self.eval()

    def forward(self, x):
        features = self.model.features(x)
        logits = self.model.fc(torch.flatten(self.model.avgpool(features), 1))
        class_maps = F.conv2d(features, self.model.fc.weight[:, :, None, None])
        return logits, features, class_maps


def _fold_batch_norms(module):
    """Every (convolution, batch norm) pair of resnet.py becomes one convolution with a bias (eval statistics)."""
    pairs = [("conv1", "bn1"), ("conv2", "bn2"), ("conv3", "bn3")]
    for child in module.modules():
        for conv, bn in pairs:
            if isinstance(getattr(child, conv, None), nn.Conv2d) and isinstance(getattr(child, bn, None), nn.BatchNorm2d):
                setattr(child, conv, fuse_conv_bn_eval(getattr(child, conv), getattr(child, bn)))
                setattr(child, bn, nn.Identity())
        if isinstance(child, nn.Sequential) and len(child) == 2 and isinstance(child[0], nn.Conv2d) and isinstance(child[1], nn.BatchNorm2d):
            child[0], child[1] = fuse_conv_bn_eval(child[0], child[1]), nn.Identity()


def exported_module(model, temperature):
    """The module whose computation the ONNX file holds (also what the content gate's features come from)."""
    return _Exported(model, temperature)


def _store_float16(path):
    """Float32 initializers → float16 initializers + Cast nodes; ONNX Runtime folds the casts at load time."""
    graph_model = onnx.load(path)
    graph = graph_model.graph
    casts = []
    for initializer in graph.initializer:
        if initializer.data_type != onnx.TensorProto.FLOAT or len(initializer.dims) == 0:
            continue
        values = numpy_helper.to_array(initializer)
        if not np.array_equal(values.astype(np.float16).astype(np.float32), values):
            continue  # a constant the exporter computed (none in resnet.py's graphs); kept exact in float32
        name = initializer.name
        initializer.CopyFrom(numpy_helper.from_array(values.astype(np.float16), name + "_f16"))
        casts.append(helper.make_node("Cast", [name + "_f16"], [name], to=onnx.TensorProto.FLOAT, name=f"cast_{name}"))
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(graph_model)
    onnx.save(graph_model, path)

def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export_member(wrapper, spec, path):
    """`wrapper` from exported_module(); writes the ONNX file with float16 weights."""
    dummy = torch.zeros(1, spec["channels"], spec["height"], spec["width"])
    names = list(OUTPUTS.values())
    torch.onnx.export(wrapper, dummy, path, input_names=[spec["name"]], output_names=names, opset_version=13,
                      dynamic_axes={n: {0: "batch"} for n in [spec["name"]] + names}, do_constant_folding=True)
    _store_float16(path)


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
