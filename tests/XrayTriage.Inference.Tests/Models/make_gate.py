"""Writes a tiny content-gate ONNX graph with the contract of models/training/gate.py (opset 13, dynamic batch):

input  pooled float32 [N, D]
score  = min_k || pooled W - M_k ||^2    float32 [N]     (M = means W, as gate.py precomputes)

usage: make_gate.py OUT.onnx --dim D --means K*D floats --whitening D*D floats [--input NAME] [--output NAME]
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--dim", type=int, required=True)
parser.add_argument("--means", nargs="+", type=float, required=True)
parser.add_argument("--whitening", nargs="+", type=float, required=True)
parser.add_argument("--input", default="pooled")
parser.add_argument("--output", default="score")
args = parser.parse_args()

d = args.dim
means = np.array(args.means, dtype=np.float64).reshape(-1, d)
whitening = np.array(args.whitening, dtype=np.float64).reshape(d, d)
nodes = [
    helper.make_node("MatMul", [args.input, "whitening"], ["z"]),
    helper.make_node("Unsqueeze", ["z", "axis1"], ["z3"]),
    helper.make_node("Sub", ["z3", "projected_means"], ["diff"]),
    helper.make_node("Mul", ["diff", "diff"], ["squared"]),
    helper.make_node("ReduceSum", ["squared", "axis2"], ["distances"], keepdims=0),
    helper.make_node("ReduceMin", ["distances"], [args.output], axes=[1], keepdims=0),
]
graph = helper.make_graph(
    nodes, "xraytriage-test-gate",
    [helper.make_tensor_value_info(args.input, TensorProto.FLOAT, ["N", d])],
    [helper.make_tensor_value_info(args.output, TensorProto.FLOAT, ["N"])],
    [numpy_helper.from_array(whitening.astype(np.float32), "whitening"),
     numpy_helper.from_array((means @ whitening).astype(np.float32), "projected_means"),
     numpy_helper.from_array(np.array([1], np.int64), "axis1"),
     numpy_helper.from_array(np.array([2], np.int64), "axis2")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="xraytriage-tests")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, args.out)
