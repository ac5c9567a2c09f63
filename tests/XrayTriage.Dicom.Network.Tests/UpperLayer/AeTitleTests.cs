using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class AeTitleTests
{
    [Theory]
    [InlineData("STORESCP")]
    [InlineData("A")]
    [InlineData("SIXTEEN_CHARS_AE")]
    [InlineData(" PADDED ")]
    [InlineData("lower-case ok")]
    public void IsValid_GoodTitle_ReturnsTrue(string title)
    {
        Assert.True(AeTitle.IsValid(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("     ")]
    [InlineData("SEVENTEEN_CHARS_A")]
    [InlineData("BACK\\SLASH")]
    [InlineData("TAB\tHERE")]
    [InlineData("NUL\0")]
    [InlineData("ÄRZTE")]
    public void IsValid_BadTitle_ReturnsFalseWithReason(string? title)
    {
        Assert.False(AeTitle.IsValid(title, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void AreEqual_IgnoresSurroundingSpacesButNotCase()
    {
        Assert.True(AeTitle.AreEqual(" SCP ", "SCP"));
        Assert.False(AeTitle.AreEqual("scp", "SCP"));
    }

    [Fact]
    public void ThrowIfInvalid_BadTitle_NamesTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => AeTitle.ThrowIfInvalid("BACK\\SLASH", "title"));
        Assert.Contains("backslash", ex.Message, StringComparison.Ordinal);
    }
}
