using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Regressions;

/// <summary>Issue 17 item 5: a DICOMDIR whose last Directory Record Sequence item claims 24 bytes more than the file
/// holds was refused whole; DCMTK (dcmdump) and pydicom read all 52 records. With
/// <see cref="DicomReaderOptions.ClampOverlongItems"/> (what dump uses) it is read to the end with a warning; the
/// default, which the SCP uses, still refuses it.</summary>
public sealed class OverlongLastDicomdirItemTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.1.3.10", "1.2.840.10008.1.2.1")
        for name in ["SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID", "PatientName", "PatientID"]:
            delattr(ds, name)
        ds.FileSetID = "REGRESSION"
        records = []
        for i in range(52):
            record = Dataset()
            record.OffsetOfTheNextDirectoryRecord = 0
            record.RecordInUseFlag = 0xFFFF
            record.OffsetOfReferencedLowerLevelDirectoryEntity = 0
            record.DirectoryRecordType = "IMAGE"
            record.ReferencedFileID = ["IMAGES", "IM%04d" % i]
            record.InstanceNumber = i + 1
            records.append(record)
        ds.DirectoryRecordSequence = records
        save(ds)

        # Make the last item (the sequence is the last element) claim 24 bytes more than the file holds.
        data = bytearray(open(sys.argv[1], "rb").read())
        last = data.rindex(b"\xfe\xff\x00\xe0")
        data[last + 4:last + 8] = struct.pack("<I", struct.unpack("<I", data[last + 4:last + 8])[0] + 24)
        open(sys.argv[1], "wb").write(bytes(data))
        """;

    private const string PydicomRecords = """
        import sys, pydicom
        print(len(pydicom.dcmread(sys.argv[1]).DirectoryRecordSequence))
        """;

    [Fact]
    public async Task Open_ClampOverlongItems_ReadsEveryRecordWithAWarningLikePydicom()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var file = DicomFile.Open(path, DicomReaderOptions.Default with { ClampOverlongItems = true });

            var records = file.Dataset.GetSequence(DicomTags.DirectoryRecordSequence).Items;
            Assert.Equal(52, records.Count);
            Assert.Equal(52, records[^1].GetInt32(DicomTags.InstanceNumber));
            Assert.Equal("52", await PydicomFile.ReadAsync(PydicomRecords, path));
            Assert.Contains("the item claims", Assert.Single(file.Warnings), StringComparison.Ordinal);
            Assert.Contains("24 more than the input holds", file.Warnings[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Open_Default_RefusesTheOverlongItem()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var error = Assert.Throws<DicomParseException>(() => DicomFile.Open(path));

            Assert.Contains("DirectoryRecordSequence", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
