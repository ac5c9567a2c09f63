using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>The model renders compressed films at a lower resolution where the codec can (issue 20): the decision must
/// be the one the full-resolution film gives. <c>classify --heatmap</c> renders at full resolution (the overlay needs
/// the whole film), plain <c>classify</c> as the service does.</summary>
public sealed class ReducedResolutionDecodeTests : IDisposable
{
    private readonly string _heatmaps = Directory.CreateTempSubdirectory("xraytriage-reduced-").FullName;

    public void Dispose() => Directory.Delete(_heatmaps, recursive: true);

    [Fact]
    public async Task Classify_CompressedChestSamples_ReducedDecodeGivesTheFullResolutionDecision()
    {
        var chest = Directory.GetFiles(Path.Combine(RepositoryPaths.DicomSamples, "chest"), "*.dcm")
            .Where(f => f.Contains("jpeg-baseline", StringComparison.Ordinal) || f.Contains("j2k", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(chest.Length >= 3, "the chest samples hold JPEG baseline and JPEG 2000 films");

        var reduced = await ClassifyAsync(chest, []);
        var full = await ClassifyAsync(chest, ["--heatmap", _heatmaps]);

        foreach (var file in chest)
        {
            Assert.Equal(full[file].Priority, reduced[file].Priority);
            foreach (var (label, probability) in full[file].Probabilities)
            {
                Assert.True(Math.Abs(probability - reduced[file].Probabilities[label]) <= 0.05,
                    $"{Path.GetFileName(file)} {label}: full {probability:0.000}, reduced {reduced[file].Probabilities[label]:0.000}");
            }
        }
    }

    private static async Task<Dictionary<string, (string Priority, Dictionary<string, double> Probabilities)>> ClassifyAsync(
        string[] files, string[] options)
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["classify", .. files, "--json", "--ignore-eligibility", .. options, $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
            timeout: TimeSpan.FromMinutes(5));
        result.EnsureSuccess("classify");
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("file").GetString()!,
            r => (r.GetProperty("priority").GetString()!,
                  r.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble())));
    }
}
