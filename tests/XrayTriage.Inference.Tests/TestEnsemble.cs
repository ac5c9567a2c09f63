using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using XrayTriage.Testing;

namespace XrayTriage.Inference.Tests;

/// <summary>A temporary models folder: real ONNX files written by Debian's python3-onnx and an <c>ensemble.json</c>
/// describing them, which a test may edit (as JSON) before loading.</summary>
internal sealed class TestEnsemble : IDisposable
{
    private TestEnsemble(string folder, IReadOnlyList<MemberSpec> members, JsonObject manifest)
    {
        Folder = folder;
        Members = members;
        Manifest = manifest;
    }

    public string Folder { get; }

    public IReadOnlyList<MemberSpec> Members { get; }

    public JsonObject Manifest { get; }

    public string ManifestPath => Path.Combine(Folder, "ensemble.json");

    public static async Task<TestEnsemble> CreateAsync(params MemberSpec[] members)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xraytriage-inference-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var memberNodes = new JsonArray();
        foreach (var member in members)
        {
            var file = member.Name + ".onnx";
            await BuildModelAsync(Path.Combine(folder, file), member);
            memberNodes.Add(MemberNode(member, file, Sha256Of(Path.Combine(folder, file))));
        }

        var manifest = new JsonObject
        {
            ["name"] = "xraytriage-test",
            ["version"] = "0.0.1",
            ["deviceUid"] = "2.25.123456789012345678901234567890",
            ["labels"] = new JsonArray("normal", "covid19", "viral_pneumonia", "lung_opacity"),
            ["ensembleRule"] = "weighted-mean-softmax",
            ["members"] = memberNodes,
            ["triage"] = new JsonObject
            {
                ["findings"] = new JsonObject
                {
                    ["covid19"] = Finding(0.3),
                    ["viral_pneumonia"] = Finding(0.4),
                    ["lung_opacity"] = Finding(0.5),
                },
                ["chosenOn"] = "val",
                ["target"] = "sensitivity>=0.95",
            },
            ["training"] = new JsonObject { ["seed"] = 1 },
        };
        return new TestEnsemble(folder, members, manifest);
    }

    public JsonObject Member(int index) => Manifest["members"]![index]!.AsObject();

    public string WriteManifest()
    {
        File.WriteAllText(ManifestPath, Manifest.ToJsonString());
        return ManifestPath;
    }

    public EnsembleManifest LoadManifest() => EnsembleManifest.Load(WriteManifest());

    public EnsembleEngine CreateEngine(ListLogger? logger = null, string provider = "cpu")
        => EnsembleEngine.Create(
            LoadManifest(), new InferenceOptions { ExecutionProvider = provider, IntraOpThreads = 1 }, logger ?? new ListLogger());

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Writes <c>content-gate.onnx</c> (score = min over rows k of ‖f·W − μ_k·W‖², f of length
    /// <paramref name="dimension"/>) with <c>Models/make_gate.py</c> and adds <c>contentGate</c> to the manifest.</summary>
    public async Task AddContentGateAsync(int dimension, double[] means, double[] whitening, double threshold, int blankMinRange = 8)
    {
        var path = Path.Combine(Folder, "content-gate.onnx");
        var script = Path.Combine(AppContext.BaseDirectory, "Models", "make_gate.py");
        List<string> arguments =
            [path, "--dim", Text(dimension), "--means", .. means.Select(Text), "--whitening", .. whitening.Select(Text)];
        var result = await PeerTools.RunPythonAsync(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [script, .. arguments],
            TimeSpan.FromMinutes(1));
        result.EnsureSuccess("make_gate.py");
        Manifest["contentGate"] = new JsonObject
        {
            ["method"] = "mahalanobis-tied-covariance",
            ["file"] = "content-gate.onnx",
            ["sha256"] = Sha256Of(path),
            ["input"] = "pooled",
            ["output"] = "score",
            ["featureSource"] = "mean over H,W of each member's features output, concatenated in member order",
            ["threshold"] = threshold,
            ["passRateTarget"] = 0.99,
            ["perSourcePassRate"] = new JsonObject { ["test"] = 1.0 },
            ["blank"] = new JsonObject { ["minRange"] = blankMinRange, ["percentiles"] = new JsonArray(0.01, 0.99) },
            ["fittedOn"] = new JsonObject { ["train"] = 4, ["val"] = 2 },
        };
    }

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task BuildModelAsync(string path, MemberSpec member)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Models", "make_model.py");
        var arguments = new List<string> { path, "--size", Text(member.Size), Text(member.Size), "--pool", Text(member.Pool), "--w2" };
        arguments.AddRange(member.W2Values.Select(v => Text(v)));
        arguments.Add("--bias");
        arguments.AddRange(member.BiasValues.Select(v => Text(v)));
        var result = await PeerTools.RunPythonAsync(
            $"import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [script, .. arguments],
            TimeSpan.FromMinutes(1));
        if (result.StandardError.Contains("No module named 'onnx'", StringComparison.Ordinal)
            || result.StandardError.Contains("No module named 'numpy'", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("python3-onnx is missing: apt-get install python3-onnx (./test.sh does this).");
        }

        result.EnsureSuccess("make_model.py");
    }

    private static JsonObject MemberNode(MemberSpec member, string file, string sha256) => new()
    {
        ["name"] = member.Name,
        ["file"] = file,
        ["sha256"] = sha256,
        ["architecture"] = "tiny-cam",
        ["weight"] = member.Weight,
        ["input"] = new JsonObject
        {
            ["name"] = "input",
            ["width"] = member.Size,
            ["height"] = member.Size,
            ["channels"] = 3,
            ["channelHandling"] = "replicate-grayscale",
            ["mean"] = new JsonArray(0.485, 0.456, 0.406),
            ["std"] = new JsonArray(0.229, 0.224, 0.225),
            ["resize"] = "stretch",
            ["trimBorders"] = true,
            ["contrastPercentiles"] = new JsonArray(0.01, 0.99),
        },
        ["outputs"] = new JsonObject { ["logits"] = "logits", ["featureMap"] = "features", ["classMaps"] = "class_maps" },
        ["metrics"] = new JsonObject { ["auc"] = 0.5 },
    };

    private static JsonObject Finding(double threshold)
        => new() { ["threshold"] = threshold, ["sensitivity"] = 0.97, ["specificity"] = 0.9 };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
