using System.Text.Json.Nodes;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Tests;

public sealed class EnsembleManifestTests
{
    [Fact]
    public async Task Load_ValidManifest_ReadsEveryField()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a", Weight: 0.55));
        var manifest = ensemble.LoadManifest();

        Assert.Equal("xraytriage-test", manifest.Name);
        Assert.Equal(EnsembleLabels.All, manifest.Labels);
        Assert.Equal(ensemble.Folder, manifest.BaseDirectory);
        var member = Assert.Single(manifest.Members);
        Assert.Equal(0.55, member.Weight);
        Assert.Equal(16, member.Input.Width);
        Assert.Equal([0.229f, 0.224f, 0.225f], member.Input.Std);
        Assert.True(member.Input.TrimBorders);
        Assert.Equal([0.01, 0.99], member.Input.ContrastPercentiles);
        Assert.Equal("class_maps", member.Outputs.ClassMaps);
        Assert.Equal(0.5, member.Metrics!.Value.GetProperty("auc").GetDouble());
        Assert.Equal(0.3, manifest.Triage.Findings["covid19"].Threshold);
        Assert.Equal(1, manifest.Training!.Value.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Load_OptionalPreprocessingAbsent_IsOff()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        var input = ensemble.Member(0)["input"]!.AsObject();
        input.Remove("trimBorders");
        input["contrastPercentiles"] = null;

        var member = Assert.Single(ensemble.LoadManifest().Members);

        Assert.Null(member.Input.TrimBorders);
        Assert.Null(member.Input.ContrastPercentiles);
    }

    [Fact]
    public async Task Load_FieldsTheRecipeAddsLater_AreIgnored()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Manifest["triage"]!["rule"] = "urgent when any finding's ensemble probability reaches its threshold, else routine";
        ensemble.Member(0)["metrics"]!["bestEpoch"] = 7;

        var manifest = ensemble.LoadManifest();

        Assert.Equal("val", manifest.Triage.ChosenOn);
    }

    [Fact]
    public async Task Load_LabelsInAnotherOrder_FailsNamingLabels()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Manifest["labels"] = new JsonArray("covid19", "normal", "viral_pneumonia", "lung_opacity");

        var error = Assert.Throws<InferenceException>(ensemble.LoadManifest);

        Assert.Contains(ensemble.ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("labels must be exactly [normal, covid19, viral_pneumonia, lung_opacity]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.25.0123", "leading zero")]
    [InlineData("2.25.12a", "not all digits")]
    [InlineData("2..25", "empty component")]
    [InlineData("2.25.1234567890123456789012345678901234567890123456789012345678901", "at most 64")]
    public async Task Load_BadDeviceUid_FailsNamingDeviceUid(string uid, string problem)
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Manifest["deviceUid"] = uid;

        var error = Assert.Throws<InferenceException>(ensemble.LoadManifest);

        Assert.Contains("deviceUid", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weight", "0", "members[0].weight must be a positive number")]
    [InlineData("sha256", "\"abc\"", "members[0].sha256 must be 64 hexadecimal digits")]
    [InlineData("file", "\"../outside.onnx\"", "members[0].file")]
    public async Task Load_BadMemberField_FailsNamingIt(string field, string json, string expected)
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Member(0)[field] = JsonNode.Parse(json);

        var error = Assert.Throws<InferenceException>(ensemble.LoadManifest);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_RequiredFieldMissing_FailsNamingIt()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Member(0).Remove("sha256");

        var error = Assert.Throws<InferenceException>(ensemble.LoadManifest);

        Assert.Contains(ensemble.ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("sha256", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Load_FindingThresholdMissing_FailsNamingFinding()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.Manifest["triage"]!["findings"]!.AsObject().Remove("lung_opacity");

        var error = Assert.Throws<InferenceException>(ensemble.LoadManifest);

        Assert.Contains("triage.findings.lung_opacity is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileMissing_FailsNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "ensemble.json");

        var error = Assert.Throws<InferenceException>(() => EnsembleManifest.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
