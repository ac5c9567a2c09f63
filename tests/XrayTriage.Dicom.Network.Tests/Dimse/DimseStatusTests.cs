using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Tests.Dimse;

public sealed class DimseStatusTests
{
    [Theory]
    [InlineData(0x0000, DimseStatusCategory.Success)]
    [InlineData(0x0001, DimseStatusCategory.Warning)]
    [InlineData(0xB000, DimseStatusCategory.Warning)]
    [InlineData(0xB006, DimseStatusCategory.Warning)]
    [InlineData(0xB007, DimseStatusCategory.Warning)]
    [InlineData(0x0107, DimseStatusCategory.Warning)]
    [InlineData(0x0116, DimseStatusCategory.Warning)]
    [InlineData(0xA700, DimseStatusCategory.Failure)]
    [InlineData(0xA7FF, DimseStatusCategory.Failure)]
    [InlineData(0xA900, DimseStatusCategory.Failure)]
    [InlineData(0xC000, DimseStatusCategory.Failure)]
    [InlineData(0xCFFF, DimseStatusCategory.Failure)]
    [InlineData(0x0110, DimseStatusCategory.Failure)]
    [InlineData(0x0122, DimseStatusCategory.Failure)]
    [InlineData(0x0211, DimseStatusCategory.Failure)]
    [InlineData(0xFE00, DimseStatusCategory.Cancel)]
    [InlineData(0xFF00, DimseStatusCategory.Pending)]
    [InlineData(0xFF01, DimseStatusCategory.Pending)]
    public void Category_Code_FollowsPs37AnnexC(int code, DimseStatusCategory expected)
    {
        Assert.Equal(expected, new DimseStatus((ushort)code).Category);
    }

    [Theory]
    [InlineData(0xA700, true)]
    [InlineData(0xA7F3, true)]
    [InlineData(0x0213, true)]
    [InlineData(0xA900, false)]
    [InlineData(0xC000, false)]
    [InlineData(0x0122, false)]
    [InlineData(0x0000, false)]
    public void IsTransient_Code_OnlyForResourceShortage(int code, bool expected)
    {
        Assert.Equal(expected, new DimseStatus((ushort)code).IsTransient);
    }

    [Theory]
    [InlineData(0xA712, "out of resources")]
    [InlineData(0xA901, "does not match SOP class")]
    [InlineData(0xC123, "cannot understand")]
    [InlineData(0x0122, "SOP class not supported")]
    [InlineData(0xB006, "elements discarded")]
    public void ToString_ServiceSpecificRange_Describes(int code, string expected)
    {
        Assert.Contains(expected, new DimseStatus((ushort)code).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NamedStatuses_HaveStandardCodes()
    {
        Assert.Equal(0xA700, DimseStatus.OutOfResources.Code);
        Assert.Equal(0xA900, DimseStatus.DataSetDoesNotMatchSopClass.Code);
        Assert.Equal(0xC000, DimseStatus.CannotUnderstand.Code);
        Assert.Equal(0x0110, DimseStatus.ProcessingFailure.Code);
        Assert.Equal(0x0122, DimseStatus.SopClassNotSupported.Code);
        Assert.Equal(0xB000, DimseStatus.CoercionOfDataElements.Code);
        Assert.Equal(0xB006, DimseStatus.ElementsDiscarded.Code);
        Assert.Equal(0xB007, DimseStatus.DataSetDoesNotMatchSopClassWarning.Code);
    }
}
