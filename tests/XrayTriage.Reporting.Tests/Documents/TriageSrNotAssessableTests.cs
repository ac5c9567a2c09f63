using XrayTriage.Core.Pipeline;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>An image the content gate refused: its measurement group says not assessable, why (TEXT "Reason not
/// assessable") and has no finding or certainty; the summary carries the reason too. Read back by dsrdump.</summary>
public sealed class TriageSrNotAssessableTests : IDisposable
{
    private readonly DicomOracles _oracles = new();

    [Fact]
    public async Task Build_ImageRefusedByContentGate_SrCarriesTheReasonTextAndNoCertainty()
    {
        var source = DocumentSamples.Open(DocumentSamples.Latin1Chest);
        var refused = DocumentSamples.SkippedImage("2.25.999999999999999999999999999999999999") with
        {
            NotAssessableReason = TriageSummary.NotAssessableText(NotAssessableReason.NotChestRadiograph, 2311.44, 1630.2),
        };
        var request = DocumentSamples.Request(source) with { Images = [DocumentSamples.CovidImage(source), refused] };
        var path = _oracles.Write(TriageSrBuilder.Build(request));

        var tree = (await PeerTools.RunAsync("dsrdump", ["-Ec", "+Pl", path])).EnsureSuccess("dsrdump").StandardOutput;

        var reasonLine = tree.Split('\n').SingleOrDefault(l => l.Contains("\"Reason not assessable\")", StringComparison.Ordinal));
        Assert.True(reasonLine is not null, tree);
        Assert.Contains("<contains TEXT:", reasonLine, StringComparison.Ordinal);
        Assert.Contains("=\"not a chest radiograph (content gate score 2311.4 > threshold 1630.2)\"", reasonLine, StringComparison.Ordinal);
        Assert.Contains("image 2: not assessable - not a chest radiograph (content gate score 2311.4 > threshold 1630.2).",
            TriageSummary.ForReport(request), StringComparison.Ordinal);
        Assert.Equal(4, tree.Split("\"Certainty of Finding\"").Length - 1); // the covid image's four only
    }

    [Fact]
    public async Task Build_OperatingPoint_AssessedImageStatesItAndRefusedImageDoesNot()
    {
        const string OperatingPoint = "site-calibrated 2026-12-07 by alice on 1136 films (sensitivity>=0.95): covid19 >= 0.134";
        var source = DocumentSamples.Open(DocumentSamples.Latin1Chest);
        var refused = DocumentSamples.SkippedImage("2.25.999999999999999999999999999999999999") with
        {
            NotAssessableReason = TriageSummary.NotAssessableText(NotAssessableReason.BlankImage, 3, 8),
            OperatingPoint = OperatingPoint,
        };
        // the samples' image states the shipped one
        var assessed = DocumentSamples.CovidImage(source) with { OperatingPoint = OperatingPoint };
        var request = DocumentSamples.Request(source) with { Images = [assessed, refused] };
        var path = _oracles.Write(TriageSrBuilder.Build(request));

        var tree = (await PeerTools.RunAsync("dsrdump", ["-Ec", "+Pl", path])).EnsureSuccess("dsrdump").StandardOutput;

        var line = Assert.Single(tree.Split('\n'), l => l.Contains("\"AI triage operating point\")", StringComparison.Ordinal));
        Assert.Contains("<contains TEXT:", line, StringComparison.Ordinal);
        Assert.Contains($"=\"{OperatingPoint}\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        NotAssessableReason.NotChestRadiograph, 2311.44, 1630.2, "not a chest radiograph (content gate score 2311.4 > threshold 1630.2)")]
    [InlineData(NotAssessableReason.BlankImage, 3, 8, "blank image (grey-level range 3 < 8)")]
    public void NotAssessableText_Reason_NamesReasonScoreAndThreshold(
        NotAssessableReason reason, double score, double threshold, string expected)
        => Assert.Equal(expected, TriageSummary.NotAssessableText(reason, score, threshold));

    public void Dispose() => _oracles.Dispose();
}
