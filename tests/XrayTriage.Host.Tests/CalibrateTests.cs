using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>calibrate</c> on real films and the thresholds file it writes, read back by <c>classify --thresholds</c>.</summary>
public sealed class CalibrateTests
{
    private static readonly string Models = $"--Models:Path={XrayTriageExecutable.ModelsPath}";

    private static readonly string[] Labels = ["normal", "covid19", "viral_pneumonia", "lung_opacity"];

    [Fact]
    public async Task Calibrate_SmallFolderOfRealFilms_WritesTheThresholdsFileThatMatchesTheTable()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-calibrate-").FullName;
        var output = Path.Combine(folder, "site-thresholds.json");
        try
        {
            var set = LinkFilms(folder, perClass: 4);

            var result = await XrayTriageExecutable.RunAsync(
                ["calibrate", set, "--sensitivity", "0.75", "--out", output, "--by", "tester", Models]);

            result.EnsureSuccess("calibrate");
            Assert.Contains("16/16", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("too few to trust", result.StandardError, StringComparison.Ordinal);
            using var manifest = JsonDocument.Parse(
                await File.ReadAllTextAsync(Path.Combine(XrayTriageExecutable.ModelsPath, "ensemble.json")));
            var file = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
            Assert.Equal("xraytriage-site-thresholds/1", file["format"]!.GetValue<string>());
            Assert.Equal(manifest.RootElement.GetProperty("name").GetString(), file["model"]!["name"]!.GetValue<string>());
            Assert.Equal(manifest.RootElement.GetProperty("version").GetString(), file["model"]!["version"]!.GetValue<string>());
            Assert.Equal(manifest.RootElement.GetProperty("deviceUid").GetString(), file["model"]!["deviceUid"]!.GetValue<string>());
            Assert.Equal(16, file["films"]!["count"]!.GetValue<int>());
            Assert.Equal(ExpectedFilmHash(set), file["films"]!["sha256"]!.GetValue<string>());
            Assert.Equal("tester", file["calibratedBy"]!.GetValue<string>());
            Assert.Equal(0.75, file["targetSensitivity"]!.GetValue<double>());
            var findings = file["findings"]!.AsObject();
            Assert.Equal(["covid19", "viral_pneumonia", "lung_opacity"], findings.Select(f => f.Key));
            var table = result.StandardOutput.Split('\n');
            foreach (var (finding, entry) in findings)
            {
                Assert.Equal(4, entry!["positives"]!.GetValue<int>());
                Assert.Equal(12, entry["negatives"]!.GetValue<int>());
                Assert.InRange(entry["sensitivity"]!.GetValue<double>(), 0.75, 1);
                var threshold = entry["threshold"]!.GetValue<double>();
                var header = Array.FindIndex(table, l => l.StartsWith(finding + ":", StringComparison.Ordinal));
                Assert.StartsWith(
                    "  site    threshold " + threshold.ToString("0.0000", CultureInfo.InvariantCulture) + " [",
                    table[header + 1], StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Classify_ThresholdsAboveAndBelowTheImageProbability_ChangesTheDecision()
    {
        var image = Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", "covid19")).Order(StringComparer.Ordinal).First();
        var folder = Directory.CreateTempSubdirectory("xraytriage-thresholds-").FullName;
        try
        {
            var shipped = await ClassifyAsync(image);
            var covid = shipped.GetProperty("probabilities").GetProperty("covid19").GetDouble();
            var above = await WriteThresholdsAsync(Path.Combine(folder, "above.json"), Math.Min(1, covid + 0.001));
            var below = await WriteThresholdsAsync(Path.Combine(folder, "below.json"), Math.Max(0, covid - 0.001));

            var routine = await ClassifyAsync(image, "--thresholds", above);
            var urgent = await ClassifyAsync(image, "--thresholds", below);

            Assert.Equal("routine", routine.GetProperty("priority").GetString());
            Assert.Equal("urgent", urgent.GetProperty("priority").GetString());
            Assert.Equal(["covid19"], urgent.GetProperty("findingsOverThreshold").EnumerateArray().Select(f => f.GetString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Classify_ThresholdsOfAnotherModelVersion_RefusesNamingBothVersions()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-thresholds-").FullName;
        try
        {
            var other = await WriteThresholdsAsync(Path.Combine(folder, "other.json"), 0.5, version: "0.0.1-other");
            var image = Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", "normal")).Order(StringComparer.Ordinal).First();

            var result = await XrayTriageExecutable.RunAsync(["classify", image, "--thresholds", other, Models]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--thresholds", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("0.0.1-other", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A hand-built thresholds file for the shipped model: <paramref name="covid19"/> for covid19, 1 (never) for the others.
    /// </summary>
    internal static async Task<string> WriteThresholdsAsync(string path, double covid19, string? version = null)
    {
        using var manifest = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(XrayTriageExecutable.ModelsPath, "ensemble.json")));
        var root = manifest.RootElement;
        var finding = (double threshold) => new JsonObject
        {
            ["threshold"] = threshold, ["sensitivity"] = 1.0, ["specificity"] = null, ["normalSpecificity"] = null, ["auc"] = null,
            ["positives"] = 1, ["negatives"] = 1,
        };
        var file = new JsonObject
        {
            ["format"] = "xraytriage-site-thresholds/1",
            ["model"] = new JsonObject
            {
                ["name"] = root.GetProperty("name").GetString(),
                ["version"] = version ?? root.GetProperty("version").GetString(),
                ["deviceUid"] = root.GetProperty("deviceUid").GetString(),
            },
            ["films"] = new JsonObject { ["count"] = 2, ["sha256"] = new string('0', 64) },
            ["calibratedBy"] = "tester",
            ["calibratedAt"] = "2026-12-07T01:30:00+00:00",
            ["targetSensitivity"] = 0.95,
            ["findings"] = new JsonObject
            {
                ["covid19"] = finding(covid19), ["viral_pneumonia"] = finding(1), ["lung_opacity"] = finding(1),
            },
        };
        await File.WriteAllTextAsync(path, file.ToJsonString());
        return path;
    }

    private static async Task<JsonElement> ClassifyAsync(string image, params string[] options)
    {
        var result = await XrayTriageExecutable.RunAsync(["classify", image, "--json", .. options, Models]);
        result.EnsureSuccess("classify --json");
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.GetProperty("results")[0].Clone();
    }

    private static string LinkFilms(string folder, int perClass)
    {
        var set = Path.Combine(folder, "set");
        foreach (var label in Labels)
        {
            var target = Directory.CreateDirectory(Path.Combine(set, label)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", label))
                .Order(StringComparer.Ordinal)
                .Take(perClass))
            {
                File.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(file)), file);
            }
        }

        return set;
    }

    // The documented hash: SHA-256 over "<relative path>\t<sha256>\n", sorted by relative path.
    private static string ExpectedFilmHash(string set)
    {
        var lines = Directory.GetFiles(set, "*", SearchOption.AllDirectories)
            .Select(f => (
                Path: Path.GetRelativePath(set, f).Replace('\\', '/'),
                Hash: Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{f.Path}\t{f.Hash}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
