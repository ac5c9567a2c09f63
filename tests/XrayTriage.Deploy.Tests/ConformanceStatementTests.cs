using System.Reflection;
using Xunit;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Ingest;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>docs/conformance-statement.md's SOP class and transfer syntax tables against what the code negotiates: the
/// ingest SCP's lists (IngestNegotiation) and the contexts the delivery SCU proposes (DicomScu.ProposeContexts) for
/// every SR SOP class Reporting:SrSopClass can choose and the heatmap Secondary Capture.</summary>
public sealed class ConformanceStatementTests
{
    private const string Verification = "1.2.840.10008.1.1";

    private static readonly string Statement =
        File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "conformance-statement.md"));

    [Fact]
    public void ScpSopClasses_Table_EqualsTheAcceptedSopClasses()
    {
        var expected = new SortedSet<string>(
            IngestList<IReadOnlySet<string>>("StorageSopClasses"), StringComparer.Ordinal) { Verification };

        var documented = MarkdownTables.Rows(Statement, "scp-sop-classes").SelectMany(r => MarkdownTables.Uids(r[1])).ToList();

        Assert.Equal(documented.Count, documented.Distinct(StringComparer.Ordinal).Count());
        Assert.True(expected.SetEquals(documented), "Expected rows:\n" + string.Join('\n', expected.Select(Row)));
    }

    [Fact]
    public void ScpTransferSyntaxes_Table_EqualsTheAcceptedSyntaxesInPreferenceOrder()
    {
        var expected = IngestList<IReadOnlyList<string>>("TransferSyntaxes");

        var documented = MarkdownTables.Rows(Statement, "scp-transfer-syntaxes").SelectMany(r => MarkdownTables.Uids(r[1])).ToList();

        Assert.True(expected.SequenceEqual(documented), "Expected rows:\n" + string.Join('\n', expected.Select(Row)));
    }

    [Fact]
    public void ScuSopClassesAndSyntaxes_Table_EqualsWhatDeliveryProposes()
    {
        // The objects delivery sends are written in Explicit VR Little Endian (DicomFile's default); ProposeContexts
        // decides which syntaxes are offered for them.
        var sopClasses = Enum.GetValues<SrSopClass>()
            .Select(TriageSrBuilder.SopClassUid)
            .Append(HeatmapSecondaryCaptureBuilder.SecondaryCaptureUid);
        var files = sopClasses.Select(uid => new DicomFile(new DicomDataset().AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, uid)));
        var expected = DicomScu.ProposeContexts(files)
            .Select(c => (c.AbstractSyntax, Syntaxes: string.Join(' ', c.TransferSyntaxes)))
            .OrderBy(c => c.AbstractSyntax, StringComparer.Ordinal)
            .ToList();

        var documented = MarkdownTables.Rows(Statement, "scu-sop-classes")
            .Select(r => (AbstractSyntax: MarkdownTables.Uids(r[1]).Single(), Syntaxes: string.Join(' ', MarkdownTables.Uids(r[2]))))
            .OrderBy(c => c.AbstractSyntax, StringComparer.Ordinal)
            .ToList();

        Assert.True(expected.SequenceEqual(documented),
            "Expected rows:\n" + string.Join('\n', expected.Select(e =>
                $"| {DicomUid.Lookup(e.AbstractSyntax).Name} | `{e.AbstractSyntax}` | " +
                $"{string.Join(", ", e.Syntaxes.Split(' ').Select(s => $"{DicomUid.Lookup(s).Name} `{s}`"))} |")));
    }

    [Fact]
    public void SrCodes_Table_NamesEveryCodeTheBuilderUses()
    {
        var codes = typeof(TriageCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<CodedConcept>()
            .Select(c => $"{c.Value}, {c.Scheme}")
            .ToHashSet(StringComparer.Ordinal);
        var documented = MarkdownTables.Rows(Statement, "sr-codes").Select(r => r[0].Trim('`')).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(codes);
        Assert.Equal("", string.Join("; ", codes.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal)));
    }

    private static T IngestList<T>(string property)
    {
        var negotiation = typeof(IngestOptions).Assembly.GetType("XrayTriage.Ingest.IngestNegotiation", throwOnError: true)!;
        return (T)negotiation.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    private static string Row(string uid) => $"| {DicomUid.Lookup(uid).Name} | `{uid}` |";
}
