using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class AssociatePduTests
{
    private const string Verification = "1.2.840.10008.1.1";
    private const string ImplicitLittle = "1.2.840.10008.1.2";

    /// <summary>
    /// A-ASSOCIATE-RQ laid out field by field from PS3.8 Tables 9-11 to 9-16 and PS3.7 D.3.3.2:
    /// body = 68 fixed + (4+21) application context + (4+46) presentation context + (4+27) user info = 174 (0xAE).
    /// </summary>
    internal static byte[] EchoRequestBytes() => Bytes.Cat(
        Bytes.Hex("01 00 00 00 00 AE"),
        Bytes.Hex("00 01 00 00"),
        Bytes.Ae("ANY-SCP"),
        Bytes.Ae("ECHOSCU"),
        Bytes.Zeros(32),
        Bytes.Hex("10 00 00 15"), Bytes.Ascii("1.2.840.10008.3.1.1.1"),
        Bytes.Hex("20 00 00 2E 01 00 00 00"),
        Bytes.Hex("30 00 00 11"), Bytes.Ascii(Verification),
        Bytes.Hex("40 00 00 11"), Bytes.Ascii(ImplicitLittle),
        Bytes.Hex("50 00 00 1B"),
        Bytes.Hex("51 00 00 04 00 00 40 00"),
        Bytes.Hex("52 00 00 07"), Bytes.Ascii("1.2.3.4"),
        Bytes.Hex("55 00 00 04"), Bytes.Ascii("XT_1"));

    internal static AAssociateRqPdu EchoRequest() => new()
    {
        CalledAeTitle = "ANY-SCP",
        CallingAeTitle = "ECHOSCU",
        PresentationContexts = [new PresentationContextRequest(1, Verification, [ImplicitLittle])],
        UserInformation = new UserInformation
        {
            MaximumLength = 16384,
            ImplementationClassUid = "1.2.3.4",
            ImplementationVersionName = "XT_1",
        },
    };

    [Fact]
    public void Parse_HandComputedAssociateRq_ReadsEveryField()
    {
        var rq = Assert.IsType<AAssociateRqPdu>(Pdu.Parse(EchoRequestBytes()));
        Assert.Equal(1, rq.ProtocolVersion);
        Assert.Equal("ANY-SCP", rq.CalledAeTitle);
        Assert.Equal("ECHOSCU", rq.CallingAeTitle);
        Assert.Equal(AAssociateRqPdu.DicomApplicationContext, rq.ApplicationContextName);
        var context = Assert.Single(rq.PresentationContexts);
        Assert.Equal(1, context.Id);
        Assert.Equal(Verification, context.AbstractSyntax);
        Assert.Equal([ImplicitLittle], context.TransferSyntaxes);
        Assert.Equal(16384u, rq.UserInformation.MaximumLength);
        Assert.Equal("1.2.3.4", rq.UserInformation.ImplementationClassUid);
        Assert.Equal("XT_1", rq.UserInformation.ImplementationVersionName);
    }

    [Fact]
    public void ToArray_EchoRequest_MatchesHandComputedBytes()
    {
        Assert.Equal(EchoRequestBytes(), EchoRequest().ToArray());
    }

    [Fact]
    public void Parse_UnknownItemsAndSubItems_AreSkipped()
    {
        var baseline = EchoRequestBytes();
        var unknownItem = Bytes.Hex("77 00 00 03 01 02 03");
        var unknownSubItem = Bytes.Hex("5F 00 00 02 AA BB");
        var patched = Bytes.Cat(
            Bytes.Hex("01 00 00 00 00 BB"),
            baseline[6..74],
            unknownItem,
            baseline[74..(baseline.Length - 31)],
            Bytes.Hex("50 00 00 21"),
            unknownSubItem,
            baseline[(baseline.Length - 27)..]);
        var rq = Assert.IsType<AAssociateRqPdu>(Pdu.Parse(patched));
        Assert.Equal(baseline, rq.ToArray());
    }

    [Fact]
    public void Parse_RequestWithoutPresentationContext_Throws()
    {
        var bytes = Bytes.Cat(
            Bytes.Hex("01 00 00 00 00 5D 00 01 00 00"),
            Bytes.Ae("A"),
            Bytes.Ae("B"),
            Bytes.Zeros(32),
            Bytes.Hex("10 00 00 15"), Bytes.Ascii("1.2.840.10008.3.1.1.1"));
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(bytes));
        Assert.Contains("presentation context", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UidWithNulPadding_IsTrimmed()
    {
        var baseline = EchoRequestBytes();
        var padded = Bytes.Cat(
            Bytes.Hex("01 00 00 00 00 AF"),
            baseline[6..74],
            Bytes.Hex("10 00 00 16"), Bytes.Ascii("1.2.840.10008.3.1.1.1"), Bytes.Hex("00"),
            baseline[99..]);
        var rq = Assert.IsType<AAssociateRqPdu>(Pdu.Parse(padded));
        Assert.Equal(AAssociateRqPdu.DicomApplicationContext, rq.ApplicationContextName);
    }

    [Fact]
    public void RoundTrip_AssociateAcWithMixedResults_PreservesEverything()
    {
        var ac = new AAssociateAcPdu
        {
            CalledAeTitle = "ANY-SCP",
            CallingAeTitle = "ECHOSCU",
            PresentationContexts =
            [
                new PresentationContextAccept(1, PresentationContextResult.Acceptance, ImplicitLittle),
                new PresentationContextAccept(3, PresentationContextResult.AbstractSyntaxNotSupported, string.Empty),
                new PresentationContextAccept(5, PresentationContextResult.TransferSyntaxesNotSupported, string.Empty),
            ],
            UserInformation = new UserInformation { MaximumLength = 0, ImplementationClassUid = "1.2.3" },
        };
        var bytes = ac.ToArray();
        var parsed = Assert.IsType<AAssociateAcPdu>(Pdu.Parse(bytes));
        Assert.Equal(ac.PresentationContexts, parsed.PresentationContexts);
        Assert.Equal(0u, parsed.UserInformation.MaximumLength);
        Assert.Equal(bytes, parsed.ToArray());
    }

    [Fact]
    public void Write_AcceptContext_UsesItem21Layout()
    {
        var ac = new AAssociateAcPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new PresentationContextAccept(7, PresentationContextResult.Acceptance, ImplicitLittle)],
        };
        var expectedItem = Bytes.Cat(Bytes.Hex("21 00 00 19 07 00 00 00 40 00 00 11"), Bytes.Ascii(ImplicitLittle));
        var bytes = ac.ToArray();
        var itemOffset = 6 + 68 + 4 + 21;
        Assert.Equal(expectedItem, bytes[itemOffset..(itemOffset + expectedItem.Length)]);
    }

    [Fact]
    public void ToArray_InvalidCallingAeTitle_Throws()
    {
        var rq = new AAssociateRqPdu
        {
            CalledAeTitle = "SCP",
            CallingAeTitle = "THIS-TITLE-IS-TOO-LONG",
            PresentationContexts = [new PresentationContextRequest(1, Verification, [ImplicitLittle])],
        };
        Assert.Throws<ArgumentException>(() => rq.ToArray());
    }
}
