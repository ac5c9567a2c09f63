using System.Text.Json.Nodes;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Inference.Tests.Calibration;

public sealed class SiteThresholdsFileTests
{
    private static SiteThresholds Sample(EnsembleManifest manifest) => new(
        SiteThresholds.CurrentFormat,
        new SiteThresholdsModel(manifest.Name, manifest.Version, manifest.DeviceUid),
        new SiteThresholdsFilms(16, new string('a', 64)),
        "tester",
        new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero),
        0.95,
        new Dictionary<string, SiteFindingThreshold>(StringComparer.Ordinal)
        {
            ["covid19"] = new(0.1 + 0.2, 0.95, 0.9, 0.97, 0.99, 4, 12),
            ["viral_pneumonia"] = new(0.123456789012345, 1, null, null, null, 4, 12),
            ["lung_opacity"] = new(0.5, 0.75, 0.5, 0.6, 0.8, 4, 12),
        });

    [Fact]
    public void WriteThenLoad_SameFile_ThresholdsRoundTripExactly()
    {
        var manifest = EnsembleManifestSamples.Manifest();
        var path = Path.Combine(Path.GetTempPath(), $"xraytriage-thresholds-{Guid.NewGuid():N}.json");
        try
        {
            SiteThresholdsFile.Write(path, Sample(manifest));

            var point = SiteThresholdsFile.Load(path).OperatingPointFor(manifest);

            Assert.Equal(TriageOperatingPoint.SiteCalibrated, point.Kind);
            Assert.Equal(0.1 + 0.2, point.Thresholds["covid19"]);
            Assert.Equal(0.123456789012345, point.Thresholds["viral_pneumonia"]);
            Assert.Equal("sensitivity>=0.95", point.Target);
            Assert.Equal(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero), point.CalibratedAt);
            Assert.StartsWith(
                "site-calibrated 2026-12-07 by tester on 16 site films (sensitivity>=0.95): covid19 >= 0.3,",
                point.Describe(),
                StringComparison.Ordinal);
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal(manifest.DeviceUid, json["model"]!["deviceUid"]!.GetValue<string>());
            Assert.Equal(12, json["findings"]!["covid19"]!["negatives"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OperatingPointFor_FileOfAnotherModelVersion_RefusesNamingBothVersions()
    {
        var manifest = EnsembleManifestSamples.Manifest();
        var other = Sample(manifest) with { Model = new SiteThresholdsModel(manifest.Name, "0.0.1-other", manifest.DeviceUid) };

        var ex = Assert.Throws<SiteThresholdsException>(() => other.OperatingPointFor(manifest));

        Assert.Contains("0.0.1-other", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{manifest.Name} {manifest.Version}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FindingMissing_NamesTheField()
    {
        var json = JsonNode.Parse(SiteThresholdsFile.ToJson(Sample(EnsembleManifestSamples.Manifest())))!.AsObject();
        json["findings"]!.AsObject().Remove("viral_pneumonia");

        var ex = Assert.Throws<SiteThresholdsException>(() => SiteThresholdsFile.Parse(json.ToJsonString(), "site.json"));

        Assert.Contains("site.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("findings.viral_pneumonia is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFile()
    {
        var ex = Assert.Throws<SiteThresholdsException>(() => SiteThresholdsFile.Parse("{ not json", "site.json"));

        Assert.Contains("site.json is not valid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TwoFilmsInEitherOrder_HashOfTheSortedLines()
    {
        (string, string)[] films = [("normal/b.png", new string('1', 64)), ("covid19/a.png", new string('0', 64))];

        // sha256("covid19/a.png\t000…\nnormal/b.png\t111…\n"), computed with Python's hashlib.
        Assert.Equal("bac30c046e8f03b9cfd217630c1a8af9379255e48d847c2308341d19bc334aa5", FilmSetHash.Compute(films));
        Assert.Equal(FilmSetHash.Compute(films), FilmSetHash.Compute(films.Reverse()));
    }

    [Fact]
    public void For_SiteOperatingPoint_DecidesWithItsThresholds()
    {
        var manifest = EnsembleManifestSamples.Manifest();
        var site = TriagePolicy.For(Sample(manifest).OperatingPointFor(manifest));
        var shipped = TriagePolicy.FromManifest(manifest);
        double[] probabilities = [0.5, 0.2, 0.0, 0.0]; // covid19 0.2: under the site's 0.3, over the shipped threshold

        Assert.Equal(TriagePriority.Routine, site.Evaluate(probabilities).Priority);
        Assert.Equal(TriagePriority.Urgent, shipped.Evaluate(probabilities).Priority);
        Assert.Equal(TriageOperatingPoint.Shipped, shipped.OperatingPoint!.Kind);
    }
}
