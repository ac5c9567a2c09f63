namespace XrayTriage.Dicom.Tests.Model;

public sealed class DicomVRTests
{
    [Theory]
    [InlineData("OB", true)]
    [InlineData("OD", true)]
    [InlineData("OF", true)]
    [InlineData("OL", true)]
    [InlineData("OV", true)]
    [InlineData("OW", true)]
    [InlineData("SQ", true)]
    [InlineData("SV", true)]
    [InlineData("UC", true)]
    [InlineData("UN", true)]
    [InlineData("UR", true)]
    [InlineData("UT", true)]
    [InlineData("UV", true)]
    [InlineData("PN", false)]
    [InlineData("US", false)]
    [InlineData("AT", false)]
    public void HasLongHeader_EachVR_MatchesPS35Table71(string code, bool longHeader)
        => Assert.Equal(longHeader, DicomVR.Parse(code).HasLongHeader);

    [Fact]
    public void All_Standard_Has34VRs() => Assert.Equal(34, DicomVR.All.Count);

    [Theory]
    [InlineData("UI", 0)]
    [InlineData("LO", 0x20)]
    [InlineData("OB", 0)]
    public void PaddingByte_VR_IsSpaceForTextNulForUid(string code, int padding)
        => Assert.Equal(padding, DicomVR.Parse(code).PaddingByte);

    [Theory]
    [InlineData("PN", true)]
    [InlineData("UC", true)]
    [InlineData("CS", false)]
    [InlineData("UI", false)]
    public void UsesCharacterSet_TextVRs_OnlyCharacterSetAffected(string code, bool expected)
        => Assert.Equal(expected, DicomVR.Parse(code).UsesCharacterSet);

    [Fact]
    public void TryParse_Unknown_ReturnsFalse() => Assert.False(DicomVR.TryParse("XX", out _));
}
