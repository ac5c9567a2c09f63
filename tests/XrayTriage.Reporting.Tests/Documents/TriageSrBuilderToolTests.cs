using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>Every SR variant checked by tools nobody here wrote: dciodvfy (IOD), dsrdump (tree), dcmdump (parse).</summary>
public sealed class TriageSrBuilderToolTests : IDisposable
{
    /// <summary>dciodvfy warnings tolerated, each with the reason.</summary>
    internal static readonly (string Fragment, string Why)[] ToleratedWarnings =
    [
        ("Unrecognized defined term <99XRAYTRIAGE> for value 1 of attribute <Coding Scheme Designator>",
            "our private coding scheme (triage priority, summary), declared in Coding Scheme Identification Sequence "
            + "as PS3.3 C.12.1.1.4 asks"),
        ("Attribute is not present in standard DICOM IOD - (0x0018,0x1002) UI Device UID",
            "Device UID inside Contributing Equipment Sequence: required by IHE AI Results (§6.5.3.1) and in current PS3.3 C.12.1; "
            + "dicom3tools 2022 predates it. No other attribute may be reported as non-standard"),
        ("Dicom dataset contains attributes not present in standard DICOM IOD - this is a Standard Extended SOP Class",
            "the consequence of the Device UID warning above"),
        ("Missing attribute or value that would be needed to build DICOMDIR - Study ",
            "only for the NIH sample, which has no Study Date/Time/ID: the SR copies study attributes and never invents "
            + "them (Type 2, written empty)"),
        ("Retired Person Name form",
            "Patient's Name copied byte for byte from the source (\"Covid0000\" has no caret)"),
    ];

    private readonly DicomOracles _oracles = new();

    public static TheoryData<SrSopClass, bool, bool, string> Variants => new()
    {
        { SrSopClass.Comprehensive3D, false, false, "UTF8" },
        { SrSopClass.Comprehensive3D, true, true, "LATIN1" },
        { SrSopClass.Comprehensive, false, true, "PLAIN" },
        { SrSopClass.Comprehensive, true, false, "UTF8" },
        { SrSopClass.Enhanced, false, false, "LATIN1" },
        { SrSopClass.Enhanced, true, true, "UTF8" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Build_EverySopClassAndVariant_DciodvfyReportsNoErrors(
        SrSopClass sopClass, bool predecessor, bool skipped, string sample)
    {
        var path = _oracles.Write(TriageSrBuilder.Build(
            DocumentSamples.Request(DocumentSamples.Open(SourceOf(sample)), sopClass, predecessor, skipped)));

        var (errors, warnings, report) = await DicomOracles.DciodvfyAsync(path);

        Assert.True(errors.Count == 0, report);
        var unexpected = warnings.Where(w => !ToleratedWarnings.Any(t => w.Contains(t.Fragment, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, report);
    }

    private static string SourceOf(string sample) => sample switch
    {
        "UTF8" => DocumentSamples.Utf8Chest,
        "LATIN1" => DocumentSamples.Latin1Chest,
        _ => DocumentSamples.PlainChest,
    };

    public void Dispose() => _oracles.Dispose();
}
