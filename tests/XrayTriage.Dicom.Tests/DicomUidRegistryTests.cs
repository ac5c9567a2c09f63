namespace XrayTriage.Dicom.Tests;

public sealed class DicomUidRegistryTests
{
    [Theory]
    [InlineData("1.2.840.10008.5.1.4.1.1.1", true)]        // CR Image Storage
    [InlineData("1.2.840.10008.5.1.4.1.1.88.34", true)]    // Comprehensive 3D SR Storage
    [InlineData("1.2.840.10008.5.1.4.1.1.481.1", true)]    // RT Image Storage
    [InlineData("1.2.840.10008.1.1", false)]               // Verification
    [InlineData("1.2.840.10008.1.2.1", false)]             // a transfer syntax
    [InlineData("1.2.840.10008.5.1.4.1.1.5", false)]       // NM Image Storage (Retired)
    public void IsStorageSopClass_RegisteredUid_ClassifiesStorageClasses(string uid, bool expected)
    {
        Assert.Equal(expected, DicomUid.Lookup(uid).IsStorageSopClass);
    }

    [Fact]
    public void Registered_ContainsTheStorageClassesOfTheStandard()
    {
        var storage = DicomUid.Registered.Where(u => u.IsStorageSopClass).ToList();

        Assert.True(storage.Count > 100, $"only {storage.Count} storage SOP classes");
        Assert.Contains(storage, u => u.Value == "1.2.840.10008.5.1.4.1.1.1.1");
    }
}
