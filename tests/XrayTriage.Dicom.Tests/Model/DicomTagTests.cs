namespace XrayTriage.Dicom.Tests.Model;

public sealed class DicomTagTests
{
    [Fact]
    public void ToString_PatientName_FormatsGroupAndElement() => Assert.Equal("(0010,0010)", DicomTags.PatientName.ToString());

    [Theory]
    [InlineData("(0010,0010)")]
    [InlineData("0010,0010")]
    [InlineData("00100010")]
    public void Parse_ValidForms_ReturnsTag(string text) => Assert.Equal(DicomTags.PatientName, DicomTag.Parse(text));

    [Fact]
    public void Parse_Garbage_ThrowsFormatException() => Assert.Throws<FormatException>(() => DicomTag.Parse("(zz,1)"));

    [Theory]
    [InlineData(0x0009, 0x0010, true, true)]
    [InlineData(0x0029, 0x1010, true, false)]
    [InlineData(0x0010, 0x0010, false, false)]
    [InlineData(0x0001, 0x0010, false, false)]
    public void IsPrivate_Groups_Classified(int group, int element, bool isPrivate, bool isCreator)
    {
        var tag = new DicomTag((ushort)group, (ushort)element);
        Assert.Equal(isPrivate, tag.IsPrivate);
        Assert.Equal(isCreator, tag.IsPrivateCreator);
    }

    [Fact]
    public void PrivateCreatorTag_PrivateElement_PointsToReservingCreator()
        => Assert.Equal(new DicomTag(0x0029, 0x0010), new DicomTag(0x0029, 0x1010).PrivateCreatorTag);

    [Fact]
    public void CompareTo_Tags_OrdersByGroupThenElement()
    {
        Assert.True(new DicomTag(0x0008, 0xFFFF) < new DicomTag(0x0010, 0x0000));
        Assert.True(DicomTags.PixelData > DicomTags.PatientName);
    }
}
