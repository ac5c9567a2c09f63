using Xunit.Abstractions;
using Microsoft.Extensions.Logging;

namespace XrayTriage.Inference.Tests;

public sealed class EnsembleLoadingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Create_FileDiffersFromManifestHash_FailsNamingFileAndBothHashes()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        var file = Path.Combine(ensemble.Folder, "a.onnx");
        var expected = new string('0', 64);
        ensemble.Member(0)["sha256"] = expected;

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(TestEnsemble.Sha256Of(file), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_FileChangedAfterHashing_IsRefused()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        await File.AppendAllTextAsync(Path.Combine(ensemble.Folder, "a.onnx"), " ");

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ModelFileMissing_FailsNamingIt()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        File.Delete(Path.Combine(ensemble.Folder, "a.onnx"));

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains(Path.Combine(ensemble.Folder, "a.onnx"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input", "name", "image", "has no input 'image'")]
    [InlineData("outputs", "logits", "scores", "has no output 'scores'")]
    [InlineData("outputs", "featureMap", "last_conv", "has no output 'last_conv'")]
    [InlineData("outputs", "classMaps", "cams", "has no output 'cams'")]
    [InlineData("input", "width", "32", "has width 16 in the model but 32 in the manifest")]
    public async Task Create_ManifestDisagreesWithModel_FailsNamingMember(string section, string field, string value, string expected)
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("alpha"));
        ensemble.Member(0)[section]![field] = int.TryParse(value, out var number) ? number : value;

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains("Ensemble member 'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Cpu_RunsOnCpuAndLogsWhy()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        var logger = new ListLogger();

        using var engine = ensemble.CreateEngine(logger, "cpu");

        Assert.Equal("CPU", engine.ActiveProvider);
        var line = Assert.Single(logger.Entries, e => e.EventId.Id == 7000);
        Assert.Contains("Inference runs on CPU", line.Message, StringComparison.Ordinal);
        Assert.Contains("ExecutionProvider is cpu", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CudaWithoutGpu_RefusesToStart()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine(provider: "cuda"));

        output.WriteLine(error.Message);
        Assert.StartsWith("CUDA execution provider unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Create_AutoWithoutGpu_FallsBackToCpuWithOneWarning()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        var logger = new ListLogger();

        using var engine = ensemble.CreateEngine(logger, "auto");

        Assert.Equal("CPU", engine.ActiveProvider);
        var providerLines = logger.Entries.Where(e => e.EventId.Id is 7000 or 7001).ToList();
        var line = Assert.Single(providerLines);
        output.WriteLine(line.Message);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Inference runs on CPU: CUDA execution provider unavailable (", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);
    }

    [Fact]
    public async Task Load_ModelsFolder_ReadsEnsembleJsonThere()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"), new MemberSpec("b", Size: 24, Pool: 4));
        ensemble.WriteManifest();

        using var engine = EnsembleEngine.Load(ensemble.Folder, new InferenceOptions { ExecutionProvider = "cpu" }, new ListLogger());

        Assert.Equal(2, engine.MemberInputs.Count);
        Assert.Equal(24, engine.MemberInputs[1].Width);
        Assert.Equal([0.5, 0.5], engine.Weights);
    }
}
