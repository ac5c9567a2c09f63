"""Writes a tiny ONNX model with the ensemble member contract (opset 13, dynamic batch):

input    float32 [N, C, H, W]
features = Relu(Conv1x1(input)) -> AveragePool(pool)       [N, 2, H/pool, W/pool]
           channel 0 = relu(mean of input channels), channel 1 = relu(-mean)
class_maps = Conv1x1(features) with weight W2 [4, 2], no bias [N, 4, h, w]
logits   = Flatten(GlobalAveragePool(class_maps)) + bias     [N, 4]

usage: make_model.py OUT.onnx --size H W --channels C --pool P --w2 8 floats --bias 4 floats
       [--input-name NAME] [--logits-name NAME] [--features-name NAME] [--maps-name NAME]
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--size", nargs=2, type=int, default=[16, 16])
parser.add_argument("--channels", type=int, default=3)
parser.add_argument("--pool", type=int, default=1)
parser.add_argument("--w2", nargs=8, type=float, default=[0, 0, 1, 0, 0, 1, -1, 1])
parser.add_argument("--bias", nargs=4, type=float, default=[0, 0, 0, 0])
parser.add_argument("--input-name", default="input")
parser.add_argument("--logits-name", default="logits")
parser.add_argument("--features-name", default="features")
parser.add_argument("--maps-name", default="class_maps")
args = parser.parse_args()

h, w = args.size
c = args.channels
w1 = np.zeros((2, c, 1, 1), dtype=np.float32)
w1[0, :, 0, 0] = 1.0 / c
w1[1, :, 0, 0] = -1.0 / c
w2 = np.array(args.w2, dtype=np.float32).reshape(4, 2, 1, 1)
bias = np.array(args.bias, dtype=np.float32)

nodes = [helper.make_node("Conv", ["input_", "w1"], ["pre"], kernel_shape=[1, 1])]
nodes[0].input[0] = args.input_name
nodes.append(helper.make_node("Relu", ["pre"], ["relu"]))
if args.pool > 1:
    nodes.append(helper.make_node("AveragePool", ["relu"], [args.features_name],
                                  kernel_shape=[args.pool, args.pool], strides=[args.pool, args.pool]))
else:
    nodes.append(helper.make_node("Identity", ["relu"], [args.features_name]))
nodes.append(helper.make_node("Conv", [args.features_name, "w2"], [args.maps_name], kernel_shape=[1, 1]))
nodes.append(helper.make_node("GlobalAveragePool", [args.maps_name], ["gap"]))
nodes.append(helper.make_node("Flatten", ["gap"], ["flat"], axis=1))
nodes.append(helper.make_node("Add", ["flat", "bias"], [args.logits_name]))

fh, fw = h // args.pool, w // args.pool
graph = helper.make_graph(
    nodes,
    "xraytriage-test-member",
    [helper.make_tensor_value_info(args.input_name, TensorProto.FLOAT, ["N", c, h, w])],
    [
        helper.make_tensor_value_info(args.logits_name, TensorProto.FLOAT, ["N", 4]),
        helper.make_tensor_value_info(args.features_name, TensorProto.FLOAT, ["N", 2, fh, fw]),
        helper.make_tensor_value_info(args.maps_name, TensorProto.FLOAT, ["N", 4, fh, fw]),
    ],
    initializer=[numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(w2, "w2"), numpy_helper.from_array(bias, "bias")],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="xraytriage-tests")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, args.out)
