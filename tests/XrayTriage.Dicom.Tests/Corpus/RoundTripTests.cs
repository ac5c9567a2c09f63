using XrayTriage.Dicom.IO;
using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Read → write → read for every readable corpus file, and the peers read what we wrote.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "xraytriage-dicom-roundtrip-" + Guid.NewGuid().ToString("N"));

    public RoundTripTests() => Directory.CreateDirectory(_directory);

    public static TheoryData<string> Files() => CorpusFiles.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public void Save_CorpusFile_ReadsBackEqual(string file)
    {
        if (CorpusOracleTests.Rejected.ContainsKey(file))
        {
            return;
        }

        var original = DicomFile.Open(CorpusFiles.FullPath(file));
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;
        var again = DicomFile.Open(stream);
        Assert.Equal(original.TransferSyntax.Uid, again.TransferSyntax.Uid);
        var differences = DatasetEquality.Differences(original.Dataset, again.Dataset);
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(10)));
        Assert.Equal(
            DicomWriterOptions.XrayTriageImplementationVersionName,
            again.FileMetaInformation.GetString(DicomTags.ImplementationVersionName));

        if (!original.TransferSyntax.IsEncapsulated)
        {
            foreach (var syntax in new[] { TransferSyntax.DeflatedExplicitVRLittleEndian, TransferSyntax.ExplicitVRLittleEndian })
            {
                using var converted = new MemoryStream();
                original.Save(converted, new DicomWriterOptions { TransferSyntax = syntax });
                converted.Position = 0;
                var back = DicomFile.Open(converted);
                Assert.Equal(syntax, back.TransferSyntax);
                var diff = DatasetEquality.Differences(original.Dataset, back.Dataset);
                Assert.True(diff.Count == 0, syntax.Name + ": " + string.Join('\n', diff.Take(10)));
            }
        }
    }

    [Fact]
    public async Task Save_AllReadableCorpusFiles_DcmdumpAndPydicomReadThem()
    {
        var written = new List<string>();
        foreach (var file in CorpusFiles.All().Where(f => !CorpusOracleTests.Rejected.ContainsKey(f)))
        {
            var original = DicomFile.Open(CorpusFiles.FullPath(file));
            var path = Path.Combine(_directory, file.Replace('/', '_'));
            original.Save(path);
            written.Add(path);
            if (!original.TransferSyntax.IsEncapsulated && !original.TransferSyntax.IsBigEndian)
            {
                var implicitPath = Path.ChangeExtension(path, ".implicit.dcm");
                original.Save(implicitPath, new DicomWriterOptions { TransferSyntax = TransferSyntax.ImplicitVRLittleEndian });
                written.Add(implicitPath);
            }
        }

        var failures = new List<string>();
        foreach (var chunk in written.Chunk(40))
        {
            var dump = await PeerTools.RunAsync("dcmdump", ["-q", "-dc", .. chunk], TimeSpan.FromMinutes(1));
            if (!dump.Succeeded || dump.StandardError.Contains("E: ", StringComparison.Ordinal))
            {
                failures.Add($"dcmdump exit {dump.ExitCode}: {dump.StandardError[..Math.Min(2000, dump.StandardError.Length)]}");
            }
        }

        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Oracles", "pydicom_dump.py"));
        var result = await PeerTools.RunPythonAsync(script, written, TimeSpan.FromMinutes(2));
        result.EnsureSuccess("pydicom");
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (!property.Value.GetProperty("ok").GetBoolean())
            {
                failures.Add($"pydicom: {Path.GetFileName(property.Name)}: {property.Value.GetProperty("error").GetString()}");
            }
        }

        Assert.True(written.Count > 150, $"only {written.Count} files written");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Save_NewDataSet_WritesMetaWithGroupLengthAndOurIdentity()
    {
        var ds = new DicomDataset()
            .Add(DicomTags.SOPClassUID, DicomUids.SecondaryCaptureImageStorage)
            .Add(DicomTags.SOPInstanceUID, DicomUid.Generate())
            .Add(DicomTags.PatientName, "Odd^Name");
        using var stream = new MemoryStream();
        new DicomFile(ds).Save(stream);
        var bytes = stream.ToArray();
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        var again = DicomReader.ReadFile(bytes);
        var meta = again.FileMetaInformation;
        var groupLength = meta.GetUInt32(DicomTags.FileMetaInformationGroupLength);
        Assert.Equal(DicomDatasetWriter.GetEncodedLength(meta, TransferSyntax.ExplicitVRLittleEndian) - 12, groupLength);
        Assert.Equal(DicomWriterOptions.XrayTriageImplementationClassUid, meta.GetString(DicomTags.ImplementationClassUID));
        Assert.Equal(ds.GetString(DicomTags.SOPInstanceUID), meta.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.True(bytes.Length % 2 == 0);
    }

    [Fact]
    public void Write_CommandSetImplicit_RecomputesCommandGroupLength()
    {
        var command = new DicomDataset()
            .Add(DicomTags.CommandGroupLength, 0u)
            .Add(DicomTags.AffectedSOPClassUID, DicomUids.Verification)
            .Add(DicomTags.CommandField, (ushort)0x0030)
            .Add(DicomTags.MessageID, (ushort)1)
            .Add(DicomTags.CommandDataSetType, (ushort)0x0101);
        var bytes = DicomDatasetWriter.ToArray(command, TransferSyntax.ImplicitVRLittleEndian);
        var back = DicomReader.ReadDataset(bytes, TransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal((uint)(bytes.Length - 12), back.GetUInt32(DicomTags.CommandGroupLength));
        Assert.Equal("1.2.840.10008.1.1", back.GetUid(DicomTags.AffectedSOPClassUID).Value);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
