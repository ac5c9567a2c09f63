using System.IO.Compression;
using XrayTriage.Dicom.IO;

namespace XrayTriage.Dicom.Tests.IO;

public sealed class DicomWriterTests
{
    private static DicomDataset Sample() => new DicomDataset()
        .Add(DicomTags.PatientName, "Odd^Len")
        .Add(DicomTags.Rows, (ushort)2)
        .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, "0.5", "0.25")
        .AddOrUpdate(DicomTags.DiffusionBValue, DicomVR.FD, 1.5)
        .AddOrUpdate(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 2, 3, 4 })
        .Add(new DicomSequence(
            DicomTags.ReferencedSeriesSequence,
            new DicomDataset().Add(DicomTags.SeriesInstanceUID, DicomUid.Parse("1.2.3.4"))));

    public static TheoryData<TransferSyntax> Syntaxes() => new()
    {
        TransferSyntax.ImplicitVRLittleEndian,
        TransferSyntax.ExplicitVRLittleEndian,
        TransferSyntax.ExplicitVRBigEndian,
        TransferSyntax.DeflatedExplicitVRLittleEndian,
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Write_EachSyntax_ReadsBackSameValues(TransferSyntax syntax)
    {
        var bytes = DicomDatasetWriter.ToArray(Sample(), syntax);
        var back = DicomReader.ReadDataset(bytes, syntax);
        Assert.Equal("Odd^Len", back.GetString(DicomTags.PatientName));
        Assert.Equal(2, back.GetInt32(DicomTags.Rows));
        Assert.Equal(0.25, back.GetDouble(DicomTags.PixelSpacing, 1));
        Assert.Equal(1.5, back.GetDouble(DicomTags.DiffusionBValue));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, back.GetElement(DicomTags.PixelData).Buffer.GetMemory().ToArray());
        Assert.Equal("1.2.3.4", back.GetSequence(DicomTags.ReferencedSeriesSequence).Items[0].GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public void Write_OddLengthText_PaddedWithSpace()
    {
        var bytes = DicomDatasetWriter.ToArray(new DicomDataset().Add(DicomTags.PatientName, "ABC"), TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(12, bytes.Length);
        Assert.Equal(4, bytes[6]);
        Assert.Equal((byte)' ', bytes[^1]);
    }

    [Fact]
    public void Write_OddLengthUid_PaddedWithNul()
    {
        var bytes = DicomDatasetWriter.ToArray(
            new DicomDataset().Add(DicomTags.SOPInstanceUID, DicomUid.Parse("1.2.3")), TransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(0, bytes[^1]);
        Assert.Equal(6, bytes[4]);
    }

    [Fact]
    public void Read_DeflateBomb_StopsAtMaxTotalBytes()
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                DicomDatasetWriter.Write(
                    new DicomDataset().AddOrUpdate(new DicomTag(0x0009, (ushort)(0x1000 + i)), DicomVR.OB, zeros),
                    deflate,
                    TransferSyntax.ExplicitVRLittleEndian);
            }
        }

        Assert.True(compressed.Length < 1 << 20);
        compressed.Position = 0;
        var options = new DicomReaderOptions { MaxTotalBytes = 8 << 20 };
        var ex = Assert.Throws<DicomParseException>(() => DicomReader.ReadDataset(
            new NonSeekableStream(compressed.ToArray()), TransferSyntax.DeflatedExplicitVRLittleEndian, options));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SmallDataSet_ShowsTagVRValueLengthKeyword()
    {
        var dump = new DicomDumpFormatter().Format(Sample());
        Assert.Contains("(0010,0010) PN [Odd^Len]", dump, StringComparison.Ordinal);
        Assert.Contains("PatientName", dump, StringComparison.Ordinal);
        Assert.Contains("  (FFFE,E000) na (Item #=1)", dump, StringComparison.Ordinal);
        Assert.Contains("    (0020,000E) UI [1.2.3.4]", dump, StringComparison.Ordinal);
    }
}
