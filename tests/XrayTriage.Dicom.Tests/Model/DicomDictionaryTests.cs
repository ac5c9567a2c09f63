namespace XrayTriage.Dicom.Tests.Model;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Find_PatientName_HasPNAndKeyword()
    {
        var entry = DicomDictionary.Find(DicomTags.PatientName)!;
        Assert.Equal(DicomVR.PN, entry.VR);
        Assert.Equal("PatientName", entry.Keyword);
        Assert.Equal("1", entry.ValueMultiplicity);
        Assert.False(entry.IsRetired);
    }

    [Fact]
    public void Find_RepeatingOverlayGroup_ResolvesRange()
    {
        var entry = DicomDictionary.Find(new DicomTag(0x6002, 0x3000))!;
        Assert.Equal("OverlayData", entry.Keyword);
    }

    [Fact]
    public void Find_Retired_IsFlagged() => Assert.True(DicomDictionary.Find(new DicomTag(0x0008, 0x0040))!.IsRetired);

    [Fact]
    public void Find_Keyword_ReturnsTag() => Assert.Equal(DicomTags.Rows, DicomDictionary.Find("Rows")!.Tag);

    [Fact]
    public void Count_Generated_HasThousandsOfEntries() => Assert.True(DicomDictionary.Count > 4900);
}
