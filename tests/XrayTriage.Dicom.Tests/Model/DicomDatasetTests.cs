namespace XrayTriage.Dicom.Tests.Model;

public sealed class DicomDatasetTests
{
    [Fact]
    public void Add_OutOfOrder_EnumeratesByTag()
    {
        var ds = new DicomDataset()
            .Add(DicomTags.PatientID, "ID1")
            .Add(DicomTags.Modality, "CR")
            .Add(DicomTags.Rows, (ushort)512);
        Assert.Equal([DicomTags.Modality, DicomTags.PatientID, DicomTags.Rows], ds.Select(i => i.Tag));
    }

    [Fact]
    public void Add_Duplicate_Throws()
    {
        var ds = new DicomDataset().Add(DicomTags.Modality, "CR");
        Assert.Throws<ArgumentException>(() => ds.Add(DicomTags.Modality, "DX"));
        ds.AddOrUpdate(DicomTags.Modality, "DX");
        Assert.Equal("DX", ds.GetString(DicomTags.Modality));
    }

    [Fact]
    public void GetString_OddLengthValue_PaddedAndTrimmed()
    {
        var ds = new DicomDataset().Add(DicomTags.PatientName, "Doe^Jane");
        Assert.Equal("Doe^Jane", ds.GetString(DicomTags.PatientName));
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomUid.Parse("1.2.3"));
        Assert.Equal(6, ds.GetElement(DicomTags.SOPInstanceUID).Length);
        Assert.Equal("1.2.3", ds.GetUid(DicomTags.SOPInstanceUID).Value);
    }

    [Fact]
    public void GetInt32_BinaryAndText_Converts()
    {
        var ds = new DicomDataset()
            .Add(DicomTags.Rows, (ushort)1024)
            .Add(DicomTags.InstanceNumber, " 0042")
            .AddOrUpdate(DicomTags.WindowCenter, DicomVR.DS, "40.5", "-100");
        Assert.Equal(1024, ds.GetInt32(DicomTags.Rows));
        Assert.Equal(42, ds.GetInt32(DicomTags.InstanceNumber));
        Assert.Equal(40.5, ds.GetDouble(DicomTags.WindowCenter));
        Assert.Equal(-100, ds.GetDouble(DicomTags.WindowCenter, 1));
        Assert.Equal(["40.5", "-100"], ds.GetStrings(DicomTags.WindowCenter));
    }

    [Fact]
    public void GetString_Missing_ThrowsKeyNotFoundNamingTheTag()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new DicomDataset().GetString(DicomTags.PatientName));
        Assert.Contains("(0010,0010) PatientName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt32_NotANumber_ThrowsFormatException()
    {
        var ds = new DicomDataset().Add(DicomTags.NumberOfFrames, "1A");
        Assert.Throws<FormatException>(() => ds.GetInt32(DicomTags.NumberOfFrames));
        Assert.False(ds.TryGetInt32(DicomTags.NumberOfFrames, out _));
    }

    [Fact]
    public void Add_CommandSetValues_EncodesUsUlUi()
    {
        var ds = new DicomDataset()
            .Add(DicomTags.CommandField, (ushort)0x0030)
            .Add(DicomTags.CommandGroupLength, 0u)
            .Add(DicomTags.AffectedSOPClassUID, DicomUids.Verification);
        Assert.Equal(DicomVR.US, ds.GetItem(DicomTags.CommandField).VR);
        Assert.Equal(DicomVR.UL, ds.GetItem(DicomTags.CommandGroupLength).VR);
        Assert.Equal(0x30, ds.GetUInt16(DicomTags.CommandField));
        Assert.Equal("1.2.840.10008.1.1", ds.GetUid(DicomTags.AffectedSOPClassUID).Value);
    }

    [Fact]
    public void TryGetPrivateTag_Creator_ResolvesBlock()
    {
        var ds = new DicomDataset()
            .Add(new DicomTag(0x0029, 0x0011), DicomVR.LO, "ACME 1.0")
            .Add(new DicomTag(0x0029, 0x1105), DicomVR.LO, "secret");
        Assert.True(ds.TryGetPrivateTag(0x0029, "ACME 1.0", 0x05, out var tag));
        Assert.Equal(new DicomTag(0x0029, 0x1105), tag);
        Assert.Equal("secret", ds.GetPrivateString(0x0029, "ACME 1.0", 0x05));
        Assert.Equal("ACME 1.0", ds.GetPrivateCreator(tag));
        Assert.False(ds.TryGetPrivateTag(0x0029, "OTHER", 0x05, out _));
    }

    [Fact]
    public void CharacterSet_SequenceItem_InheritsFromParent()
    {
        var item = new DicomDataset();
        var ds = new DicomDataset()
            .Add(DicomTags.SpecificCharacterSet, "ISO_IR 192")
            .Add(new DicomSequence(DicomTags.ReferencedStudySequence, item));
        Assert.Equal("ISO_IR 192", ds.CharacterSet.ToString());
        Assert.Equal("ISO_IR 192", item.CharacterSet.ToString());
        item.Add(DicomTags.PatientName, "Müller^Jörg");
        Assert.Equal("Müller^Jörg", item.GetString(DicomTags.PatientName));
    }
}
