using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using XrayTriage.Inference;

namespace XrayTriage.Interop.Tests.Models;

/// <summary>The Python recipe (Debian's PyTorch) against the C# engine (ONNX Runtime): what one trains, the other runs.</summary>
public sealed partial class TrainingRecipeTests(SmokeEnsembleFixture smoke) : IClassFixture<SmokeEnsembleFixture>
{
    [Fact]
    public void ExportedMembers_LoadInTheEngine_AndTheirLogitsMatchPyTorch()
    {
        using var engine = EnsembleEngine.Load(smoke.Folder, new InferenceOptions { ExecutionProvider = "cpu" }, NullLogger.Instance);
        var members = engine.Manifest.Members;
        var references = members.Select(m => Reference.Read(Path.Combine(smoke.Folder, "reference"), m.Name)).ToArray();
        var images = references[0].Shape("input")[0];
        Assert.Equal(2, images);
        for (var i = 0; i < images; i++)
        {
            var input = new EnsembleInput([.. references.Select(r => r.Slice("input", i))]);
            var prediction = engine.Predict(input);
            for (var m = 0; m < members.Count; m++)
            {
                var expected = references[m].Slice("logits", i);
                var actual = prediction.Members[m].Logits;
                var scale = Math.Max(1e-6, expected.Max(Math.Abs));
                var error = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() / scale;
                Assert.True(
                    error <= 1e-4,
                    $"{members[m].Name} image {i}: relative error {error:E2} " +
                    $"(PyTorch {string.Join(", ", expected)} vs ORT {string.Join(", ", actual)})");
            }
        }
    }

    [Fact]
    public void ContentGate_EngineScores_MatchTheRecipesPyTorchAndNumpyScores()
    {
        using var engine = EnsembleEngine.Load(smoke.Folder, new InferenceOptions { ExecutionProvider = "cpu" }, NullLogger.Instance);
        Assert.NotNull(engine.ContentGate);
        var folder = Path.Combine(smoke.Folder, "reference");
        var references = engine.Manifest.Members.Select(m => Reference.Read(folder, m.Name)).ToArray();
        var bytes = File.ReadAllBytes(Path.Combine(folder, "gate.scores.f32"));
        var expected = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, expected, 0, bytes.Length);
        Assert.Equal(references[0].Shape("input")[0], expected.Length);

        for (var i = 0; i < expected.Length; i++)
        {
            var prediction = engine.Predict(new EnsembleInput([.. references.Select(r => r.Slice("input", i))]));
            var actual = prediction.ContentGate!.Value.Score;
            var error = Math.Abs(actual - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(error <= 1e-3, $"image {i}: gate.py {expected[i]} vs engine {actual} (relative error {error:E2})");
        }
    }

    [Fact]
    public void Manifest_RecordsTheSha256OfEachExportedFile_AndPositiveWeights()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(smoke.Folder, "ensemble.json")));
        var members = document.RootElement.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(2, members.Count);
        foreach (var member in members)
        {
            using var stream = File.OpenRead(Path.Combine(smoke.Folder, member.GetProperty("file").GetString()!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream)), member.GetProperty("sha256").GetString());
            Assert.True(member.GetProperty("weight").GetDouble() > 0);
        }

        Assert.Equal(1.0, members.Sum(m => m.GetProperty("weight").GetDouble()), 6);
        Assert.Equal(
            ["normal", "covid19", "viral_pneumonia", "lung_opacity"],
            document.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void ImageNetImport_ReproducesTheOriginalOnnxGraph()
    {
        var match = ImportError().Match(smoke.Run.StandardOutput);
        Assert.True(match.Success, smoke.Run.StandardOutput);
        var error = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(error, 0, 1e-3);
    }

    [GeneratedRegex(@"pooled-feature relative error vs the ONNX graph: ([0-9.eE+-]+)")]
    private static partial Regex ImportError();

    private sealed record Reference(string Folder, string Member, Dictionary<string, int[]> Shapes)
    {
        public static Reference Read(string folder, string member)
        {
            var shapes = JsonSerializer.Deserialize<Dictionary<string, int[]>>(
                File.ReadAllText(Path.Combine(folder, $"{member}.shapes.json")))!;
            return new Reference(folder, member, shapes);
        }

        public int[] Shape(string name) => Shapes[name];

        /// <summary>Item <paramref name="index"/> (along the batch axis) of a raw little-endian float32 tensor.</summary>
        public float[] Slice(string name, int index)
        {
            var all = File.ReadAllBytes(Path.Combine(Folder, $"{Member}.{name}.f32"));
            var per = Shapes[name].Skip(1).Aggregate(1, (a, b) => a * b);
            var values = new float[per];
            Buffer.BlockCopy(all, index * per * sizeof(float), values, 0, per * sizeof(float));
            return values;
        }
    }
}
