namespace XrayTriage.Dicom.Tests.Model;

public sealed class TransferSyntaxTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2", false, false, false, false)]
    [InlineData("1.2.840.10008.1.2.1", true, false, false, false)]
    [InlineData("1.2.840.10008.1.2.2", true, true, false, false)]
    [InlineData("1.2.840.10008.1.2.1.99", true, false, true, false)]
    [InlineData("1.2.840.10008.1.2.4.50", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.51", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.57", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.70", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.80", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.81", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.90", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.91", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.201", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.202", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.203", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.110", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.111", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.112", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.5", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.8.1", true, false, false, true)]
    [InlineData("1.2.840.10008.1.2.4.102", true, false, false, true)]
    public void Lookup_Registered_HasEncodingFlags(string uid, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated)
    {
        Assert.True(TransferSyntax.TryLookup(uid, out var ts));
        Assert.Equal(explicitVR, ts.IsExplicitVR);
        Assert.Equal(bigEndian, ts.IsBigEndian);
        Assert.Equal(deflated, ts.IsDeflated);
        Assert.Equal(encapsulated, ts.IsEncapsulated);
        Assert.True(ts.Uid.IsKnown, $"{uid} is in the UID registry");
    }

    [Fact]
    public void Lookup_Unknown_IsEncapsulatedExplicitLittleEndian()
    {
        var ts = TransferSyntax.Lookup("1.2.3.4");
        Assert.True(ts.IsUnknown);
        Assert.True(ts.IsExplicitVR && ts.IsEncapsulated && !ts.IsBigEndian);
    }
}
