using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace XrayTriage.Testing;

/// <summary>Adds a content gate to a copy of a models folder: <c>content-gate.onnx</c> with the graph
/// <c>models/training/gate.py</c> writes (score = min_k ‖f·W − μ_k·W‖²), here with one class mean at the origin and
/// W = <c>scale</c>·I, so the score is scale²·‖f‖²; and <c>contentGate</c> in <c>ensemble.json</c>. With threshold 0
/// every image with any feature activation is refused as not a chest radiograph.</summary>
public static class ContentGateFile
{
    private const string Script = """
        import sys
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper
        out, d, scale = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
        nodes = [helper.make_node("MatMul", ["pooled", "whitening"], ["z"]),
                 helper.make_node("Unsqueeze", ["z", "axis1"], ["z3"]),
                 helper.make_node("Sub", ["z3", "projected_means"], ["diff"]),
                 helper.make_node("Mul", ["diff", "diff"], ["squared"]),
                 helper.make_node("ReduceSum", ["squared", "axis2"], ["distances"], keepdims=0),
                 helper.make_node("ReduceMin", ["distances"], ["score"], axes=[1], keepdims=0)]
        graph = helper.make_graph(nodes, "test_gate",
            [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", d])],
            [helper.make_tensor_value_info("score", TensorProto.FLOAT, ["batch"])],
            [numpy_helper.from_array((np.eye(d) * scale).astype(np.float32), "whitening"),
             numpy_helper.from_array(np.zeros((1, d), np.float32), "projected_means"),
             numpy_helper.from_array(np.array([1], np.int64), "axis1"),
             numpy_helper.from_array(np.array([2], np.int64), "axis2")])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.checker.check_model(model)
        onnx.save(model, out)
        """;

    /// <summary>Copies <paramref name="modelsFolder"/> (ONNX files and <c>ensemble.json</c>) to <paramref name="target"/>
    /// and adds the gate; <paramref name="dimension"/> must be the members' feature channels summed.</summary>
    public static async Task CopyWithGateAsync(string modelsFolder, string target, int dimension, double scale, double threshold)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(modelsFolder)
            .Where(f => f.EndsWith(".onnx", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var gatePath = Path.Combine(target, "content-gate.onnx");
        var result = await PeerTools.RunPythonAsync(
            Script,
            [gatePath, dimension.ToString(CultureInfo.InvariantCulture), scale.ToString("R", CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(1));
        result.EnsureSuccess("content gate script");
        var manifestPath = Path.Combine(target, "ensemble.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        manifest["contentGate"] = new JsonObject
        {
            ["method"] = "mahalanobis-tied-covariance",
            ["file"] = "content-gate.onnx",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(gatePath))),
            ["input"] = "pooled",
            ["output"] = "score",
            ["threshold"] = threshold,
            ["blank"] = new JsonObject { ["minRange"] = 8, ["percentiles"] = new JsonArray(0.01, 0.99) },
        };
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
    }
}
