using System.Net;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.Negotiation;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer.Negotiation;

public sealed class AllowedPeerTests
{
    private static readonly AllowedPeer[] Peers = [new("MODALITY", IPAddress.Parse("10.1.2.3")), new("PACS")];

    private static AssociationPolicy Policy() => new()
    {
        CalledAeTitle = "XRAYTRIAGE",
        AllowedCallingPeers = Peers,
        AcceptedAbstractSyntaxes = new HashSet<string> { "1.2.840.10008.1.1" },
        TransferSyntaxPreference = ["1.2.840.10008.1.2"],
        ImplementationClassUid = "1.2.3",
    };

    private static AAssociateRqPdu Request(string calling) => new()
    {
        CalledAeTitle = "XRAYTRIAGE",
        CallingAeTitle = calling,
        PresentationContexts = [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
        UserInformation = new UserInformation { MaximumLength = 16384 },
    };

    [Theory]
    [InlineData("MODALITY", "10.1.2.3", true)]
    [InlineData("MODALITY", "::ffff:10.1.2.3", true)]
    [InlineData("MODALITY", "10.1.2.4", false)]
    [InlineData("PACS", "192.0.2.7", true)]
    [InlineData("OTHER", "10.1.2.3", false)]
    public void Negotiate_PeerAllowList_ChecksTitleAndPinnedAddress(string calling, string source, bool accepted)
    {
        var decision = AssociationNegotiator.Negotiate(Request(calling), Policy(), associationLimitReached: false, IPAddress.Parse(source));

        Assert.Equal(accepted, decision.Accept is not null);
        if (!accepted)
        {
            Assert.Equal(ServiceUserRejectReason.CallingAeTitleNotRecognized, (ServiceUserRejectReason)decision.Reject!.Reason);
            Assert.Contains(source, decision.RejectionReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Negotiate_PinnedPeerWithoutKnownSource_IsRejected()
    {
        var decision = AssociationNegotiator.Negotiate(Request("MODALITY"), Policy(), associationLimitReached: false, source: null);

        Assert.Null(decision.Accept);
    }
}
