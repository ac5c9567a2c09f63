using XrayTriage.Dicom.IO;

namespace XrayTriage.Dicom.Tests.IO;

/// <summary>Byte-level parser tests: each case is a hand-encoded data set.</summary>
public sealed class DicomReaderTests
{
    private static readonly byte[] PatientNameExplicitLE =
        [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x04, 0x00, (byte)'A', (byte)'^', (byte)'B', 0x20];

    public static TheoryData<string, byte[], TransferSyntax, string> ValidInputs() => new()
    {
        { "explicit LE PN", PatientNameExplicitLE, TransferSyntax.ExplicitVRLittleEndian, "A^B" },
        {
            "implicit LE PN", [0x10, 0x00, 0x10, 0x00, 0x04, 0x00, 0x00, 0x00, (byte)'A', (byte)'^', (byte)'B', 0x20],
            TransferSyntax.ImplicitVRLittleEndian, "A^B"
        },
        {
            "explicit BE PN", [0x00, 0x10, 0x00, 0x10, (byte)'P', (byte)'N', 0x00, 0x04, (byte)'A', (byte)'^', (byte)'B', 0x20],
            TransferSyntax.ExplicitVRBigEndian, "A^B"
        },
        {
            "odd length PN", [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x03, 0x00, (byte)'A', (byte)'^', (byte)'B'],
            TransferSyntax.ExplicitVRLittleEndian, "A^B"
        },
    };

    public static TheoryData<string, byte[]> HostileInputs() => new()
    {
        { "3 GiB value", [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0x00, 0x00, 0x00, 0xC0, 1, 2, 3, 4] },
        { "header cut", [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x10] },
        { "value cut", [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x10, 0x00, (byte)'A'] },
        { "item at top level", [0xFE, 0xFF, 0x00, 0xE0, 0x00, 0x00, 0x00, 0x00] },
        {
            "sequence longer than input",
            [0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0x00, 0x10, 0x00, 0x00, 0xFE, 0xFF, 0x00, 0xE0]
        },
        {
            "non-item inside sequence",
            [0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0x00, 0x10, 0x00, 0, 0, 0, 0]
        },
        {
            "fragment without length",
            [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]
        },
    };

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void ReadDataset_HandEncoded_ReadsPatientName(string name, byte[] bytes, TransferSyntax syntax, string expected)
    {
        var ds = DicomReader.ReadDataset(bytes, syntax);
        Assert.True(ds.GetString(DicomTags.PatientName) == expected, name);
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void ReadDataset_Hostile_ThrowsDicomParseExceptionWithOffset(string name, byte[] bytes)
    {
        var ex = Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(bytes, TransferSyntax.ExplicitVRLittleEndian));
        Assert.True(ex.Offset >= -1, name);
    }

    [Fact]
    public void ReadDataset_ThreeGibDeclared_AllocatesLittle()
    {
        byte[] bytes = [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0x00, 0x00, 0x00, 0xC0];
        using var stream = new NonSeekableStream(bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(stream, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(DicomTags.PixelData, ex.Tag);
        Assert.Equal(0, ex.Offset);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
    }

    [Fact]
    public void ReadDataset_DeclaredLengthWithinLimitButNoData_GrowsOnlyWithData()
    {
        byte[] bytes = [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0x00, 0x00, 0x00, 0x30, 1, 2, 3, 4];
        using var stream = new NonSeekableStream(bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(stream, TransferSyntax.ExplicitVRLittleEndian));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 << 20);
    }

    [Fact]
    public void ReadDataset_ValueCutOnNonSeekableStream_ReportsTagAndOffset()
    {
        byte[] bytes = [0x08, 0x00, 0x60, 0x00, (byte)'C', (byte)'S', 0x02, 0x00, (byte)'C', (byte)'R',
            0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x10, 0x00, (byte)'A'];
        using var stream = new NonSeekableStream(bytes);
        var ex = Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(stream, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(DicomTags.PatientName, ex.Tag);
        Assert.Equal(10, ex.Offset);
    }

    [Fact]
    public void ReadDataset_UndefinedLengthSequenceAndItem_ReadsNestedValue()
    {
        byte[] bytes =
        [
            0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,
            0x08, 0x00, 0x50, 0x11, (byte)'U', (byte)'I', 0x04, 0x00, (byte)'1', (byte)'.', (byte)'2', 0,
            0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0,
            0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0,
            0x10, 0x00, 0x20, 0x00, (byte)'L', (byte)'O', 0x02, 0x00, (byte)'X', (byte)' ',
        ];
        var ds = DicomReader.ReadDataset(bytes, TransferSyntax.ExplicitVRLittleEndian);
        var item = Assert.Single(ds.GetSequence(DicomTags.ReferencedSeriesSequence).Items);
        Assert.Equal("1.2", item.GetString(DicomTags.ReferencedSOPClassUID));
        Assert.Equal("X", ds.GetString(DicomTags.PatientID));
    }

    [Fact]
    public void ReadDataset_UnWithUndefinedLength_ParsedAsImplicitSequence()
    {
        byte[] bytes =
        [
            0x09, 0x00, 0x10, 0x10, (byte)'U', (byte)'N', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,
            0x10, 0x00, 0x20, 0x00, 0x02, 0x00, 0x00, 0x00, (byte)'I', (byte)'D',
            0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0,
            0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0,
        ];
        var ds = DicomReader.ReadDataset(bytes, TransferSyntax.ExplicitVRLittleEndian);
        var item = Assert.Single(ds.GetSequence(new DicomTag(0x0009, 0x1010)).Items);
        Assert.Equal("ID", item.GetString(DicomTags.PatientID));
    }

    [Fact]
    public void ReadDataset_EncapsulatedPixelData_SplitsOffsetTableAndFragments()
    {
        byte[] bytes =
        [
            0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x00, 0xE0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0,
            0xFE, 0xFF, 0x00, 0xE0, 0x04, 0, 0, 0, 1, 2, 3, 4,
            0xFE, 0xFF, 0x00, 0xE0, 0x02, 0, 0, 0, 5, 6,
            0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0,
        ];
        var ds = DicomReader.ReadDataset(bytes, TransferSyntax.JpegBaseline8Bit);
        var pixels = Assert.IsType<DicomFragmentSequence>(ds.GetItem(DicomTags.PixelData));
        Assert.Equal(2, pixels.Fragments.Count);
        Assert.Equal([0L, 12L], pixels.GetBasicOffsets());
        var frames = pixels.GetFrames(2);
        Assert.Equal(2, frames.Count);
        Assert.Equal(new byte[] { 5, 6 }, frames[1][0].GetMemory().ToArray());
    }

    [Fact]
    public void ReadDataset_NestingBeyondLimit_Throws()
    {
        var options = new DicomReaderOptions { MaxDepth = 2 };
        var nested = new DicomDataset();
        var inner = nested;
        for (var i = 0; i < 4; i++)
        {
            var child = new DicomDataset();
            inner.Add(new DicomSequence(DicomTags.ReferencedSeriesSequence, child));
            inner = child;
        }

        var bytes = DicomDatasetWriter.ToArray(nested, TransferSyntax.ExplicitVRLittleEndian);
        var ex = Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(bytes, TransferSyntax.ExplicitVRLittleEndian, options));
        Assert.Equal(DicomTags.ReferencedSeriesSequence, ex.Tag);
    }

    [Fact]
    public void ReadDataset_TooManyItems_Throws()
    {
        var ds = new DicomDataset().Add(new DicomSequence(
            DicomTags.ReferencedSeriesSequence, Enumerable.Range(0, 20).Select(_ => new DicomDataset())));
        var bytes = DicomDatasetWriter.ToArray(ds, TransferSyntax.ImplicitVRLittleEndian);
        Assert.Throws<DicomParseException>(
            () => DicomReader.ReadDataset(bytes, TransferSyntax.ImplicitVRLittleEndian, new DicomReaderOptions { MaxItemCount = 10 }));
    }

    [Fact]
    public void ReadFile_BareImplicitDataSet_DetectsEncoding()
    {
        byte[] bytes = [0x08, 0x00, 0x60, 0x00, 0x02, 0x00, 0x00, 0x00, (byte)'C', (byte)'R'];
        var file = DicomReader.ReadFile(bytes);
        Assert.False(file.HasFileMetaInformation);
        Assert.Equal(TransferSyntax.ImplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal("CR", file.Dataset.GetString(DicomTags.Modality));
    }

    [Fact]
    public void ReadFile_BareBigEndianDataSet_DetectsEncoding()
    {
        byte[] bytes = [0x00, 0x08, 0x00, 0x60, (byte)'C', (byte)'S', 0x00, 0x02, (byte)'C', (byte)'R',
            0x00, 0x28, 0x00, 0x10, (byte)'U', (byte)'S', 0x00, 0x02, 0x01, 0x00];
        var file = DicomReader.ReadFile(bytes);
        Assert.Equal(TransferSyntax.ExplicitVRBigEndian, file.TransferSyntax);
        Assert.Equal(256, file.Dataset.GetInt32(DicomTags.Rows));
    }
}
