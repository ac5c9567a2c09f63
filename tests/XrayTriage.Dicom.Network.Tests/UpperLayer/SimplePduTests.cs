using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class SimplePduTests
{
    public static TheoryData<string, byte[], Pdu> WellFormed => new()
    {
        { "A-RELEASE-RQ", Bytes.Hex("05 00 00 00 00 04 00 00 00 00"), AReleaseRqPdu.Instance },
        { "A-RELEASE-RP", Bytes.Hex("06 00 00 00 00 04 00 00 00 00"), AReleaseRpPdu.Instance },
        { "A-ABORT user", Bytes.Hex("07 00 00 00 00 04 00 00 00 00"), new AAbortPdu(AbortSource.ServiceUser) },
        {
            "A-ABORT provider unexpected PDU",
            Bytes.Hex("07 00 00 00 00 04 00 00 02 02"),
            new AAbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)
        },
        {
            "A-ASSOCIATE-RJ called AE",
            Bytes.Hex("03 00 00 00 00 04 00 01 01 07"),
            AAssociateRjPdu.ByServiceUser(AssociateRejectResult.Permanent, ServiceUserRejectReason.CalledAeTitleNotRecognized)
        },
        {
            "A-ASSOCIATE-RJ local limit",
            Bytes.Hex("03 00 00 00 00 04 00 02 03 02"),
            AAssociateRjPdu.ByPresentation(AssociateRejectResult.Transient, PresentationRejectReason.LocalLimitExceeded)
        },
        {
            "A-ASSOCIATE-RJ protocol version",
            Bytes.Hex("03 00 00 00 00 04 00 01 02 02"),
            AAssociateRjPdu.ByAcse(AssociateRejectResult.Permanent, AcseRejectReason.ProtocolVersionNotSupported)
        },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void ToArray_KnownPdu_MatchesStandardLayout(string name, byte[] expected, Pdu pdu)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, pdu.ToArray());
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Parse_KnownBytes_RoundTripsExactly(string name, byte[] bytes, Pdu expected)
    {
        var parsed = Pdu.Parse(bytes);
        Assert.Equal(expected.Type, parsed.Type);
        Assert.Equal(bytes, parsed.ToArray());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Parse_AssociateRj_ExposesResultSourceReason()
    {
        var rj = Assert.IsType<AAssociateRjPdu>(Pdu.Parse(Bytes.Hex("03 00 00 00 00 04 00 01 01 03")));
        Assert.Equal(AssociateRejectResult.Permanent, rj.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, rj.Source);
        Assert.Equal((byte)ServiceUserRejectReason.CallingAeTitleNotRecognized, rj.Reason);
        Assert.Contains("CallingAeTitleNotRecognized", rj.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AssociateRejectResult.Transient, true)]
    [InlineData(AssociateRejectResult.Permanent, false)]
    public void ToException_Result_ClassifiesTransience(AssociateRejectResult result, bool transient)
    {
        var ex = AAssociateRjPdu.ByServiceUser(result, ServiceUserRejectReason.NoReasonGiven).ToException("PACS@127.0.0.1:104");
        Assert.Equal(transient, ex.IsTransient);
        Assert.Contains("PACS@127.0.0.1:104", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PDataTfWithTwoPdvs_ReadsControlHeaders()
    {
        var bytes = Bytes.Hex("04 00 00 00 00 11  00 00 00 04 01 03 AA BB  00 00 00 05 03 00 01 02 03");
        var pdu = Assert.IsType<PDataTfPdu>(Pdu.Parse(bytes));
        Assert.Equal(2, pdu.Values.Count);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, pdu.Values[0].Data.ToArray());
        Assert.True(pdu.Values[0].IsCommand);
        Assert.True(pdu.Values[0].IsLastFragment);
        Assert.Equal(3, pdu.Values[1].PresentationContextId);
        Assert.False(pdu.Values[1].IsCommand);
        Assert.False(pdu.Values[1].IsLastFragment);
        Assert.Equal(bytes, pdu.ToArray());
    }

    [Theory]
    [InlineData("04 00 00 00 00 00")]
    [InlineData("04 00 00 00 00 05 00 00 00 01 01")]
    [InlineData("04 00 00 00 00 06 00 00 00 02 01 04")]
    [InlineData("04 00 00 00 00 06 00 00 00 03 01 00")]
    [InlineData("05 00 00 00 00 05 00 00 00 00 00")]
    [InlineData("07 00 00 00 00 03 00 00 00")]
    public void Parse_MalformedSmallPdu_ThrowsDicomNetworkException(string hex)
    {
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(Bytes.Hex(hex)));
        Assert.False(ex.IsTransient);
    }
}
