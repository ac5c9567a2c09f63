"""Import the ImageNet ResNet-18 from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 into resnet.py.

The package's ResNet18.onnx (a CNTK export, opset 8) is a BasicBlock ResNet with blocks [2, 2, 2, 3]
and no classifier; its 110 initializers are 22 convolution kernels and 22 batch norms (scale, bias,
mean, variance). It expects BGR input in 0-255 minus a mean image (ResNetPreprocess.onnx). We map the
tensors by graph order (each Conv is followed by its BatchNormalization; the 1x1 projection of a stage
is matched by shape) into build("resnet18-cntk") and re-parameterise conv1 for torchvision's input
convention (RGB in [0, 1], ImageNet mean/std): the kernel is scaled by 255*std, the channels reversed,
and the constant the mean image contributed is folded into bn1's running mean.

Usage: /usr/bin/python3 import_resnet18_onnx.py PACKAGE_DIR OUT.pt   (prints a self-check)
"""
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

import resnet

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


def _load(package_dir):
    model = onnx.load(os.path.join(package_dir, "tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx"))
    prep = onnx.load(os.path.join(package_dir, "tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx"))
    mean_image = numpy_helper.to_array(next(i for i in prep.graph.initializer if i.name == "MeanImage"))
    return model, mean_image


def _conv_bn_pairs(graph):
    tensors = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    pairs, nodes = [], list(graph.node)
    for index, node in enumerate(nodes):
        if node.op_type == "Conv":
            bn = nodes[index + 1]
            assert bn.op_type == "BatchNormalization" and bn.input[0] == node.output[0], "Conv not followed by its BN"
            pairs.append((tensors[node.input[1]], [tensors[name] for name in bn.input[1:5]]))
    assert len(pairs) == 22 and len(tensors) == 110, f"unexpected graph: {len(pairs)} convs, {len(tensors)} initializers"
    return pairs


def convert(package_dir):
    graph_model, mean_image = _load(package_dir)
    model = resnet.build("resnet18-cntk", 1000)
    modules = [(name, m) for name, m in model.named_modules() if isinstance(m, torch.nn.Conv2d)]
    batchnorms = dict(model.named_modules())
    remaining = _conv_bn_pairs(graph_model.graph)
    for name, conv in modules:
        shape = tuple(conv.weight.shape)
        match = next(i for i, (w, _) in enumerate(remaining) if tuple(w.shape) == shape)
        weight, (scale, bias, mean, var) = remaining.pop(match)
        bn_name = name.replace("conv", "bn") if "downsample" not in name else name[:-1] + "1"
        bn = batchnorms[bn_name]
        if name == "conv1":
            channel_mean = mean_image.reshape(3, -1).mean(axis=1)  # B, G, R
            rgb = weight[:, ::-1, :, :]
            constant = np.array([255 * MEAN[c] - channel_mean[2 - c] for c in range(3)])
            mean = mean - (rgb.sum(axis=(2, 3)) * constant).sum(axis=1)
            weight = rgb * (255 * np.array(STD)).reshape(1, 3, 1, 1)
        with torch.no_grad():
            conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(weight)))
            for target, value in ((bn.weight, scale), (bn.bias, bias), (bn.running_mean, mean), (bn.running_var, var)):
                target.copy_(torch.from_numpy(np.asarray(value, dtype=np.float32)))
    assert not remaining
    return model, graph_model, mean_image


def _run_graph(graph, x):
    """Evaluate the CNTK graph with torch functional ops (the reference for the self-check)."""
    tensors = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    values = {graph.input[0].name: x}
    for node in graph.node:
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        args = [values[n] if n in values else tensors[n] for n in node.input]
        if node.op_type in ("Conv", "MaxPool", "AveragePool"):
            pads = attrs.get("pads", [0, 0, 0, 0])
            value = float("-inf") if node.op_type == "MaxPool" else 0.0
            padded = F.pad(args[0], (pads[1], pads[3], pads[0], pads[2]), value=value)
            if node.op_type == "Conv":
                out = F.conv2d(padded, args[1], stride=attrs["strides"])
            elif node.op_type == "MaxPool":
                out = F.max_pool2d(padded, attrs["kernel_shape"], attrs["strides"])
            else:
                out = F.avg_pool2d(padded, attrs["kernel_shape"], attrs["strides"])
        elif node.op_type == "BatchNormalization":
            out = F.batch_norm(args[0], args[3], args[4], args[1], args[2], False, 0.0, attrs["epsilon"])
        elif node.op_type == "Relu":
            out = F.relu(args[0])
        elif node.op_type == "Add":
            out = args[0] + args[1]
        else:
            raise ValueError(node.op_type)
        values[node.output[0]] = out
    return values[graph.output[0].name]


def self_check(model, graph_model, mean_image, seed=0):
    """Relative error of the pooled features: mapped model vs the original graph on the same image."""
    generator = torch.Generator().manual_seed(seed)
    rgb = torch.rand(1, 3, 224, 224, generator=generator)
    # The per-channel mean (what the re-parameterised conv1 folds in) instead of the per-pixel mean image, whose
    # spatial variation (std 9.6 grey levels) no fixed per-channel normalisation can reproduce.
    channel_mean = torch.from_numpy(mean_image.reshape(3, -1).mean(axis=1).astype(np.float32)).view(1, 3, 1, 1)
    bgr = rgb.flip(1) * 255 - channel_mean
    reference = _run_graph(graph_model.graph, bgr).flatten()
    model.eval()
    with torch.no_grad():
        normalized = (rgb - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
        ours = torch.flatten(model.avgpool(model.features(normalized)), 1).flatten()
    return float((ours - reference).norm() / reference.norm())


def main(argv):
    model, graph_model, mean_image = convert(argv[1])
    error = self_check(model, graph_model, mean_image)
    print(f"imported 22 conv + 22 batch-norm tensors; pooled-feature relative error vs the ONNX graph: {error:.2e}")
    if error > 1e-3:
        raise SystemExit("import self-check failed")
    state = {k: v for k, v in model.state_dict().items() if not k.startswith("fc.")}
    torch.save(state, argv[2])


if __name__ == "__main__":
    main(sys.argv)
