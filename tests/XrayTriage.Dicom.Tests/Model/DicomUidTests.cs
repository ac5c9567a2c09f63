namespace XrayTriage.Dicom.Tests.Model;

public sealed class DicomUidTests
{
    [Fact]
    public void Generate_Default_Is225UuidAndValid()
    {
        var uid = DicomUid.Generate();
        Assert.StartsWith("2.25.", uid.Value, StringComparison.Ordinal);
        Assert.True(DicomUid.IsValid(uid.Value));
        Assert.NotEqual(uid, DicomUid.Generate());
    }

    [Fact]
    public void Generate_OrgRoot_StaysUnder64Characters()
    {
        var uid = DicomUid.Generate("1.2.826.0.1.3680043.10.1234");
        Assert.StartsWith("1.2.826.0.1.3680043.10.1234.", uid.Value, StringComparison.Ordinal);
        Assert.True(uid.Value.Length <= 64);
        Assert.True(DicomUid.IsValid(uid.Value));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2", true)]
    [InlineData("1.2.840.01", false)]
    [InlineData("1..2", false)]
    [InlineData("1.2.a", false)]
    [InlineData("", false)]
    public void IsValid_Samples_FollowsPS35Section9(string uid, bool valid) => Assert.Equal(valid, DicomUid.IsValid(uid));

    [Fact]
    public void Parse_KnownTransferSyntax_HasRegistryName()
    {
        var uid = DicomUid.Parse("1.2.840.10008.1.2.1\0");
        Assert.Equal("Explicit VR Little Endian", uid.Name);
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, uid);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => DicomUid.Parse("1.02"));
}
