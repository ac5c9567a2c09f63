using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>The SR read back by dsrdump, dcmdump, pydicom and our own parser: the tree, the codes and the certainty values.</summary>
public sealed class TriageSrBuilderReadBackTests : IDisposable
{
    // Walks the content tree; prints "finding=value" for every Certainty of Finding NUM and the summary text.
    private const string CertaintyScript = """
        import sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        def walk(items):
            for it in items:
                name = it.ConceptNameCodeSequence[0].CodeValue if 'ConceptNameCodeSequence' in it else ''
                if it.ValueType == 'NUM' and name == '111012':
                    finding = it.ContentSequence[0].ConceptCodeSequence[0].CodeValue
                    print(finding + '=' + str(it.MeasuredValueSequence[0].NumericValue))
                if it.ValueType == 'TEXT' and name == 'SUMMARY':
                    print('summary=' + it.TextValue)
                if 'ContentSequence' in it:
                    walk(it.ContentSequence)
        walk(ds.ContentSequence)
        print('sop=' + ds.SOPClassUID)
        print('template=' + ds.ContentTemplateSequence[0].TemplateIdentifier)
        print('verification=' + ds.VerificationFlag)
        """;

    private readonly DicomOracles _oracles = new();

    [Fact]
    public async Task Build_Comprehensive3D_DsrdumpRendersTheTreeWithCodesAndCertainties()
    {
        var path = _oracles.Write(TriageSrBuilder.Build(
            DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.Latin1Chest), withSkipped: true)));

        var result = (await PeerTools.RunAsync("dsrdump", ["-Ec", path])).EnsureSuccess("dsrdump");

        var tree = result.StandardOutput;
        Assert.Contains("Comprehensive 3D SR Document", tree, StringComparison.Ordinal);
        Assert.Contains("Verification Flag   : UNVERIFIED", tree, StringComparison.Ordinal);
        Assert.Contains(
            "<has concept mod CODE:(,,\"Procedure reported\")=(399208008,SCT,\"Plain chest X-ray\")>", tree, StringComparison.Ordinal);
        Assert.Contains("<contains CODE:(,,\"Finding\")=(840539006,SCT,\"COVID-19\")>", tree, StringComparison.Ordinal);
        Assert.Contains("<has concept mod CODE:(,,\"Finding\")=(840539006,SCT,\"COVID-19\")>", tree, StringComparison.Ordinal);
        Assert.Contains("<contains NUM:(,,\"Certainty of Finding\")=\"93.12\" (%,UCUM,\"percent\")>", tree, StringComparison.Ordinal);
        Assert.Contains("(75570004,SCT,\"Viral pneumonia\")", tree, StringComparison.Ordinal);
        Assert.Contains("(263930000,SCT,\"Opacity of lung\")", tree, StringComparison.Ordinal);
        Assert.Contains("(17621005,SCT,\"Normal\")", tree, StringComparison.Ordinal);
        Assert.Contains("(NOT_ASSESSABLE,99XRAYTRIAGE,\"Not assessable\")", tree, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(tree, "\"Certainty of Finding\""));
        Assert.DoesNotContain("E: ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Enhanced_DcmdumpParsesWithoutErrors()
    {
        var path = _oracles.Write(TriageSrBuilder.Build(
            DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.PlainChest), SrSopClass.Enhanced, withPredecessor: true)));

        var result = (await PeerTools.RunAsync("dcmdump", ["-E", path])).EnsureSuccess("dcmdump");

        Assert.Contains("=EnhancedSRStorage", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(0040,a360) SQ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(DocumentSamples.PredecessorUid, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("E: ", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SrSopClass.Comprehensive3D, "1.2.840.10008.5.1.4.1.1.88.34")]
    [InlineData(SrSopClass.Comprehensive, "1.2.840.10008.5.1.4.1.1.88.33")]
    [InlineData(SrSopClass.Enhanced, "1.2.840.10008.5.1.4.1.1.88.22")]
    public async Task Build_AnySopClass_PydicomFindsEveryCertaintyValue(SrSopClass sopClass, string sopClassUid)
    {
        var path = _oracles.Write(TriageSrBuilder.Build(
            DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.Utf8Chest), sopClass, withSkipped: true)));

        var result = (await PeerTools.RunPythonAsync(CertaintyScript, [path])).EnsureSuccess("pydicom");

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["17621005=2.12", "840539006=93.12", "75570004=4.01", "263930000=0.75"],
            lines.Where(l => char.IsAsciiDigit(l[0])).ToArray());
        Assert.Contains($"sop={sopClassUid}", lines);
        Assert.Contains("template=1500", lines);
        Assert.Contains("verification=UNVERIFIED", lines);
        var summary = Assert.Single(lines, l => l.StartsWith("summary=", StringComparison.Ordinal));
        Assert.Contains("AI triage - not for diagnosis: URGENT.", summary, StringComparison.Ordinal);
        Assert.Contains(
            "image 1: URGENT - COVID-19 93 %, Viral pneumonia 4 %, Normal 2 %, Lung opacity 1 %.", summary, StringComparison.Ordinal);
        Assert.Contains("image 2: not assessable (not triaged).", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SavedAndReopened_OurParserRoundTripsByteForByte()
    {
        var built = TriageSrBuilder.Build(
            DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.Latin1Chest), withPredecessor: true, withSkipped: true));
        var first = _oracles.Write(built, "first.dcm");

        var reopened = DicomFile.Open(first);
        var second = _oracles.Write(reopened.Dataset, "second.dcm");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(DocumentSamples.SrInstanceUid, reopened.Dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal("2", reopened.Dataset.GetString(DicomTags.InstanceNumber));
        var evidence = reopened.Dataset.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence).Items.Single();
        Assert.Equal(2, evidence.GetSequence(DicomTags.ReferencedSeriesSequence).Items.Count);
    }

    [Fact]
    public void Build_SameRequestTwice_IdenticalBytes()
    {
        var source = DocumentSamples.Open(DocumentSamples.Utf8Chest);

        var first = _oracles.Write(TriageSrBuilder.Build(DocumentSamples.Request(source, withSkipped: true)), "a.dcm");
        var second = _oracles.Write(TriageSrBuilder.Build(DocumentSamples.Request(source, withSkipped: true)), "b.dcm");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Build_SourceWithTimezoneOffset_ContentTimeInThatZone()
    {
        var sr = TriageSrBuilder.Build(DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.Latin1Chest)));

        // 07:30:15.25 UTC in the source's -0400
        Assert.Equal("-0400", sr.GetString(DicomTags.TimezoneOffsetFromUTC));
        Assert.Equal("20261126", sr.GetString(DicomTags.ContentDate));
        Assert.Equal("033015.250000", sr.GetString(DicomTags.ContentTime));
    }

    [Fact]
    public void Build_InvalidSopInstanceUid_Throws()
    {
        var request = DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.PlainChest)) with { SopInstanceUid = "not-a-uid" };

        var error = Assert.Throws<ArgumentException>(() => TriageSrBuilder.Build(request));
        Assert.Contains("SopInstanceUid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AssessedImageMissingALabel_Throws()
    {
        var source = DocumentSamples.Open(DocumentSamples.PlainChest);
        var image = DocumentSamples.CovidImage(source) with
        {
            Probabilities = new Dictionary<string, double>(StringComparer.Ordinal) { [EnsembleLabels.Covid19] = 0.9 },
        };
        var request = DocumentSamples.Request(source) with { Images = [image] };

        Assert.Throws<ArgumentException>(() => TriageSrBuilder.Build(request));
    }

    private static int CountOf(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose() => _oracles.Dispose();
}
