using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.Negotiation;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer.Negotiation;

public sealed class AssociationNegotiatorTests
{
    private const string Verification = "1.2.840.10008.1.1";
    private const string CrImage = "1.2.840.10008.5.1.4.1.1.1";
    private const string DxImage = "1.2.840.10008.5.1.4.1.1.1.1";
    private const string Implicit = "1.2.840.10008.1.2";
    private const string Explicit = "1.2.840.10008.1.2.1";
    private const string Jpeg = "1.2.840.10008.1.2.4.50";

    private static AssociationPolicy Policy(IReadOnlySet<string>? allowed = null, bool requireCalledAeTitle = false) => new()
    {
        CalledAeTitle = "XRAYTRIAGE",
        RequireCalledAeTitle = requireCalledAeTitle,
        AllowedCallingAeTitles = allowed,
        AcceptedAbstractSyntaxes = new HashSet<string> { Verification, CrImage, DxImage },
        TransferSyntaxPreference = [Explicit, Implicit],
        MaxReceivePduLength = 65536,
        ImplementationClassUid = "1.2.826.0.1.3680043.10.1",
        ImplementationVersionName = "XRAYTRIAGE_01",
    };

    private static AAssociateRqPdu Request(
        string called = "XRAYTRIAGE",
        string calling = "MODALITY",
        ushort version = 1,
        string context = AAssociateRqPdu.DicomApplicationContext) => new()
    {
        ProtocolVersion = version,
        CalledAeTitle = called,
        CallingAeTitle = calling,
        ApplicationContextName = context,
        PresentationContexts =
        [
            new PresentationContextRequest(1, Verification, [Implicit]),
            new PresentationContextRequest(3, DxImage, [Implicit, Explicit]),
            new PresentationContextRequest(5, "1.2.3.999", [Implicit]),
            new PresentationContextRequest(7, CrImage, [Jpeg]),
        ],
        UserInformation = new UserInformation
        {
            MaximumLength = 16384,
            RoleSelections = [new RoleSelection(DxImage, true, true), new RoleSelection("1.2.3.999", true, true)],
        },
    };

    [Fact]
    public void Negotiate_GoodRequest_AnswersEachContext()
    {
        var decision = AssociationNegotiator.Negotiate(Request(), Policy(), associationLimitReached: false);
        Assert.True(decision.IsAccepted);
        var ac = decision.Accept!;
        Assert.Equal(
            [
                new PresentationContextAccept(1, PresentationContextResult.Acceptance, Implicit),
                new PresentationContextAccept(3, PresentationContextResult.Acceptance, Explicit),
                new PresentationContextAccept(5, PresentationContextResult.AbstractSyntaxNotSupported, string.Empty),
                new PresentationContextAccept(7, PresentationContextResult.TransferSyntaxesNotSupported, string.Empty),
            ],
            ac.PresentationContexts);
        Assert.Equal(65536u, ac.UserInformation.MaximumLength);
        Assert.Equal("1.2.826.0.1.3680043.10.1", ac.UserInformation.ImplementationClassUid);
        Assert.Equal(new RoleSelection(DxImage, true, false), Assert.Single(ac.UserInformation.RoleSelections));
        Assert.Equal(ac.ToArray(), Pdu.Parse(ac.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("OTHER", "MODALITY", 1, (byte)7)]
    [InlineData("  XRAYTRIAGE ", "MODALITY", 1, (byte)0)]
    [InlineData("XRAYTRIAGE", "STRANGER", 1, (byte)3)]
    [InlineData("", "MODALITY", 1, (byte)7)]
    [InlineData("XRAYTRIAGE", "", 1, (byte)3)]
    public void Negotiate_AeTitlesWithCalledAeRequired_RejectWithStandardReason(
        string called, string calling, ushort version, byte expectedReason)
    {
        var decision = AssociationNegotiator.Negotiate(
            Request(called, calling, version),
            Policy(new HashSet<string> { "MODALITY" }, requireCalledAeTitle: true),
            associationLimitReached: false);
        if (expectedReason == 0)
        {
            Assert.True(decision.IsAccepted);
            return;
        }

        var rj = Assert.IsType<AAssociateRjPdu>(decision.Response);
        Assert.Equal(AssociateRejectResult.Permanent, rj.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, rj.Source);
        Assert.Equal(expectedReason, rj.Reason);
        Assert.NotNull(decision.RejectionReason);
    }

    [Fact]
    public void Negotiate_LimitReached_RejectsTransientLocalLimitExceeded()
    {
        var decision = AssociationNegotiator.Negotiate(Request(), Policy(), associationLimitReached: true);
        Assert.Equal(Bytes.Hex("03 00 00 00 00 04 00 02 03 02"), decision.Response.ToArray());
    }

    [Fact]
    public void Negotiate_UnknownApplicationContext_RejectsReason2()
    {
        var decision = AssociationNegotiator.Negotiate(Request(context: "1.2.3"), Policy(), associationLimitReached: false);
        Assert.Equal(Bytes.Hex("03 00 00 00 00 04 00 01 01 02"), decision.Response.ToArray());
    }

    [Fact]
    public void Negotiate_UnsupportedProtocolVersion_RejectsByAcse()
    {
        var decision = AssociationNegotiator.Negotiate(Request(version: 2), Policy(), associationLimitReached: false);
        Assert.Equal(Bytes.Hex("03 00 00 00 00 04 00 01 02 02"), decision.Response.ToArray());
    }

    [Fact]
    public void Negotiate_CalledAeCheckedBeforeLimit_ReportsTheConfigurationError()
    {
        var decision = AssociationNegotiator.Negotiate(
            Request(called: "WRONG"), Policy(requireCalledAeTitle: true), associationLimitReached: true);
        Assert.Equal((byte)ServiceUserRejectReason.CalledAeTitleNotRecognized, decision.Reject!.Reason);
    }

    [Theory]
    [InlineData("ANY-SCP")]
    [InlineData("STORESCP")]
    public void Negotiate_OtherCalledAeTitleNotRequired_AcceptedAndEchoed(string called)
    {
        var decision = AssociationNegotiator.Negotiate(Request(called: called), Policy(), associationLimitReached: false);

        Assert.True(decision.IsAccepted);
        Assert.Equal(called, Assert.IsType<AAssociateAcPdu>(decision.Response).CalledAeTitle);
    }

    [Fact]
    public void Negotiate_InvalidCalledAeTitleNotRequired_RejectedCalledAeTitleNotRecognized()
    {
        var decision = AssociationNegotiator.Negotiate(Request(called: "A\\B"), Policy(), associationLimitReached: false);

        Assert.Equal((byte)ServiceUserRejectReason.CalledAeTitleNotRecognized, decision.Reject!.Reason);
    }

    [Fact]
    public void NegotiateContexts_EvenOrDuplicateIds_RejectedWithNoReason()
    {
        PresentationContextRequest[] proposed =
        [
            new(1, Verification, [Implicit]),
            new(1, Verification, [Implicit]),
            new(2, Verification, [Implicit]),
        ];
        var answers = AssociationNegotiator.NegotiateContexts(proposed, Policy());
        Assert.Equal(
            [PresentationContextResult.Acceptance, PresentationContextResult.NoReason, PresentationContextResult.NoReason],
            answers.Select(a => a.Result));
    }
}
