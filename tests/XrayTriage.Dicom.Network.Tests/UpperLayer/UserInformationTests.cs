using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class UserInformationTests
{
    private const string CtImage = "1.2.840.10008.5.1.4.1.1.2";

    public static TheoryData<string, byte[]> SubItems => new()
    {
        { "51H maximum length 65536", Bytes.Hex("51 00 00 04 00 01 00 00") },
        { "52H implementation class", Bytes.Cat(Bytes.Hex("52 00 00 05"), Bytes.Ascii("1.2.3")) },
        { "53H async window 5/1", Bytes.Hex("53 00 00 04 00 05 00 01") },
        { "54H role SCU+SCP", Bytes.Cat(Bytes.Hex("54 00 00 1D 00 19"), Bytes.Ascii(CtImage), Bytes.Hex("01 01")) },
        { "55H version name", Bytes.Cat(Bytes.Hex("55 00 00 06"), Bytes.Ascii("XT_0.1")) },
        { "56H extended negotiation", Bytes.Cat(Bytes.Hex("56 00 00 1E 00 19"), Bytes.Ascii(CtImage), Bytes.Hex("01 00 01")) },
        {
            "57H common extended",
            Bytes.Cat(
                Bytes.Hex("57 00 00 2C 00 19"), Bytes.Ascii(CtImage),
                Bytes.Hex("00 05"), Bytes.Ascii("1.2.9"),
                Bytes.Hex("00 08 00 06"), Bytes.Ascii("1.2.77"))
        },
        {
            "58H username and passcode",
            Bytes.Cat(Bytes.Hex("58 00 00 0B 02 01 00 03"), Bytes.Ascii("bob"), Bytes.Hex("00 02"), Bytes.Ascii("pw"))
        },
        { "59H server response", Bytes.Hex("59 00 00 04 00 02 CA FE") },
    };

    private static byte[] AssociateAcWith(byte[] subItem)
    {
        var userInfo = Bytes.Cat(Bytes.Hex("50 00"), Bytes.UInt16(subItem.Length), subItem);
        var context = Bytes.Cat(Bytes.Hex("10 00 00 15"), Bytes.Ascii("1.2.840.10008.3.1.1.1"));
        var bodyLength = 68 + context.Length + userInfo.Length;
        return Bytes.Cat(
            Bytes.Hex("02 00"),
            Bytes.UInt32(bodyLength),
            Bytes.Hex("00 01 00 00"),
            Bytes.Ae("A"),
            Bytes.Ae("B"),
            Bytes.Zeros(32),
            context,
            userInfo);
    }

    [Theory]
    [MemberData(nameof(SubItems))]
    public void Parse_HandComputedSubItem_RoundTripsExactly(string name, byte[] subItem)
    {
        var bytes = AssociateAcWith(subItem);
        var pdu = Pdu.Parse(bytes);
        Assert.Equal(bytes, pdu.ToArray());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Parse_AllSubItems_ExposesValues()
    {
        var all = SubItems.Select(row => (byte[])row[1]).ToArray();
        var ac = Assert.IsType<AAssociateAcPdu>(Pdu.Parse(AssociateAcWith(Bytes.Cat(all))));
        var info = ac.UserInformation;
        Assert.Equal(65536u, info.MaximumLength);
        Assert.Equal("1.2.3", info.ImplementationClassUid);
        Assert.Equal("XT_0.1", info.ImplementationVersionName);
        Assert.Equal(new AsyncOperationsWindow(5, 1), info.AsyncOperationsWindow);
        Assert.Equal(new RoleSelection(CtImage, true, true), Assert.Single(info.RoleSelections));
        var extended = Assert.Single(info.ExtendedNegotiations);
        Assert.Equal(new byte[] { 1, 0, 1 }, extended.ServiceClassApplicationInformation.ToArray());
        var common = Assert.Single(info.CommonExtendedNegotiations);
        Assert.Equal("1.2.9", common.ServiceClassUid);
        Assert.Equal(["1.2.77"], common.RelatedGeneralSopClassUids);
        var identity = Assert.IsType<UserIdentityRequest>(info.UserIdentityRequest);
        Assert.Equal(UserIdentityType.UsernameAndPasscode, identity.IdentityType);
        Assert.True(identity.PositiveResponseRequested);
        Assert.Equal("bob"u8.ToArray(), identity.PrimaryField.ToArray());
        Assert.Equal("pw"u8.ToArray(), identity.SecondaryField.ToArray());
        Assert.Equal(new byte[] { 0xCA, 0xFE }, info.UserIdentityResponse!.ServerResponse.ToArray());
    }

    [Theory]
    [InlineData("51 00 00 04 00 00 40 00 51 00 00 04 00 00 40 00")]
    [InlineData("51 00 00 03 00 00 40")]
    [InlineData("51 00 00 05 00 00 40 00 00")]
    [InlineData("53 00 00 04 00 01 00 01 53 00 00 04 00 01 00 01")]
    [InlineData("54 00 00 04 00 05 31 2E")]
    [InlineData("58 00 00 06 01 00 00 05 61 62")]
    [InlineData("57 00 00 06 00 01 31 00 01 32")]
    public void Parse_MalformedSubItem_ThrowsDicomNetworkException(string hex)
    {
        Assert.Throws<DicomNetworkException>(() => Pdu.Parse(AssociateAcWith(Bytes.Hex(hex))));
    }
}
