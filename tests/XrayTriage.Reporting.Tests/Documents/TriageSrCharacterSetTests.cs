using XrayTriage.Dicom;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>Patient names outside ASCII reach the SR byte for byte with the source's Specific Character Set, and an
/// independent parser decodes the same name from both.</summary>
public sealed class TriageSrCharacterSetTests : IDisposable
{
    private const string NameScript = """
        import sys, pydicom
        for path in sys.argv[1:]:
            ds = pydicom.dcmread(path, force=True)
            sys.stdout.buffer.write((str(ds.PatientName) + '|' + str(ds.get('SpecificCharacterSet', '')) + '\n').encode('utf-8'))
        """;

    private readonly DicomOracles _oracles = new();

    public static TheoryData<string, string> Names => new()
    {
        { "UTF8", "Müller^Jörg" },
        { "LATIN1", "Ångström^Zoë" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Build_NonAsciiNameInSourceCharacterSet_PydicomReadsTheSameName(string sample, string name)
    {
        var source = DocumentSamples.Open(sample == "UTF8" ? DocumentSamples.Utf8Chest : DocumentSamples.Latin1Chest);
        source.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, name);
        source.Remove(DicomTags.PixelData); // the source's JPEG stays out of an Explicit VR Little Endian copy
        var sourcePath = _oracles.Write(source, "source.dcm");

        var srPath = _oracles.Write(TriageSrBuilder.Build(DocumentSamples.Request(source)), "sr.dcm");

        var lines = await NamesAsync(sourcePath, srPath);
        Assert.Equal(lines[0], lines[1]);
        Assert.StartsWith(name + "|", lines[1], StringComparison.Ordinal);
        Assert.Equal(RawName(sourcePath), RawName(srPath));
    }

    [Fact]
    public async Task Build_Iso2022JapaneseSource_NameBytesAndCharacterSetCopied()
    {
        var srPath = _oracles.Write(
            TriageSrBuilder.Build(DocumentSamples.Request(DocumentSamples.Open(DocumentSamples.JapaneseChest))), "sr.dcm");

        var lines = await NamesAsync(DocumentSamples.JapaneseChest, srPath);

        Assert.Equal(lines[0], lines[1]);
        Assert.Contains("ISO 2022 IR 87", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines[1], c => c > 0x3000);
        Assert.Equal(RawName(DocumentSamples.JapaneseChest), RawName(srPath));
    }

    private static async Task<string[]> NamesAsync(params string[] paths)
    {
        var result = (await PeerTools.RunPythonAsync(NameScript, paths)).EnsureSuccess("pydicom");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static byte[] RawName(string path)
        => ((DicomElement)DicomFile.Open(path).Dataset.GetItem(DicomTags.PatientName)).Buffer.GetMemory().ToArray();

    public void Dispose() => _oracles.Dispose();
}
