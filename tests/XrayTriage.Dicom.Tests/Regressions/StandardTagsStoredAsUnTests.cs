using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Regressions;

/// <summary>Issue 17 item 3: standard attributes stored with explicit VR UN were used as raw bytes (the SOP Class UID
/// as "49\46\50…", the window as centre 52 width 32). They are read with the dictionary VR, as pydicom reads them,
/// and stay UN in the data set and the dump.</summary>
public sealed class StandardTagsStoredAsUnTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.1.2.1")
        ds.Modality = "DX"
        ds.WindowCenter, ds.WindowWidth = "40", "400"
        ds.RescaleIntercept, ds.RescaleSlope = "-1024", "1"
        ds.Rows = 512
        save(ds)

        # pydicom writes the dictionary VR; re-encode these elements as UN (PS3.5 §6.2.2), as a PACS passes on a
        # tag it does not know: same value bytes, a 4-byte length.
        data = open(sys.argv[1], "rb").read()
        for group, element, vr in [(0x0008, 0x0016, b"UI"), (0x0028, 0x1050, b"DS"), (0x0028, 0x1051, b"DS"),
                                   (0x0028, 0x1052, b"DS"), (0x0028, 0x1053, b"DS"), (0x0028, 0x0010, b"US")]:
            head = struct.pack("<HH", group, element)
            at = data.index(head + vr, 132 + 12 + struct.unpack("<I", data[140:144])[0])
            length = struct.unpack("<H", data[at + 6:at + 8])[0]
            data = data[:at] + head + b"UN\0\0" + struct.pack("<I", length) + data[at + 8:]
        open(sys.argv[1], "wb").write(data)
        """;

    private const string PydicomValues = """
        import sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        print(ds.SOPClassUID, ds.WindowCenter, ds.WindowWidth, ds.RescaleIntercept, ds.Rows)
        """;

    [Fact]
    public async Task Getters_StandardElementsStoredAsUn_ReadWithTheDictionaryVRLikePydicom()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var dataset = DicomFile.Open(path).Dataset;

            Assert.Equal(DicomVR.UN, dataset.GetItem(DicomTags.WindowCenter).VR);
            var ours = string.Join(' ',
                dataset.GetUid(DicomTags.SOPClassUID).Value,
                dataset.GetDouble(DicomTags.WindowCenter),
                dataset.GetDouble(DicomTags.WindowWidth),
                dataset.GetDouble(DicomTags.RescaleIntercept),
                dataset.GetInt32(DicomTags.Rows));
            Assert.Equal("1.2.840.10008.5.1.4.1.1.1.1 40 400 -1024 512", ours);
            Assert.Equal("1.2.840.10008.5.1.4.1.1.1.1 40 400 -1024 512", await PydicomFile.ReadAsync(PydicomValues, path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dump_StandardElementStoredAsUn_KeepsUnAndNotesTheDictionaryVR()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var dump = new DicomDumpFormatter().Format(DicomFile.Open(path).Dataset);

            var line = dump.Split('\n').Single(l => l.StartsWith("(0008,0016)", StringComparison.Ordinal));
            Assert.StartsWith("(0008,0016) UN [1.2.840.10008.5.1.4.1.1.1.1]", line, StringComparison.Ordinal);
            Assert.EndsWith("SOPClassUID (stored as UN, read as UI)", line.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
