using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

/// <summary>A corpus of valid PDUs covering every PDU type and every user information sub-item.</summary>
internal static class ValidPdus
{
    public static IReadOnlyList<byte[]> All { get; } = Build();

    private static byte[][] Build()
    {
        var rich = new AAssociateRqPdu
        {
            CalledAeTitle = "XRAYTRIAGE",
            CallingAeTitle = "MODALITY1",
            PresentationContexts =
            [
                new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]),
                new PresentationContextRequest(3, "1.2.840.10008.5.1.4.1.1.1.1", ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]),
            ],
            UserInformation = new UserInformation
            {
                MaximumLength = 32768,
                ImplementationClassUid = "1.2.3.4.5",
                ImplementationVersionName = "TEST_1",
                AsyncOperationsWindow = new AsyncOperationsWindow(2, 1),
                RoleSelections = [new RoleSelection("1.2.840.10008.5.1.4.1.1.1.1", true, false)],
                ExtendedNegotiations = [new SopClassExtendedNegotiation("1.2.840.10008.5.1.4.1.1.1.1", new byte[] { 1, 0 })],
                CommonExtendedNegotiations = [new SopClassCommonExtendedNegotiation("1.2.3", "1.2.4", ["1.2.5", "1.2.6"])],
                UserIdentityRequest = new UserIdentityRequest(
                    UserIdentityType.UsernameAndPasscode, true, "user"u8.ToArray(), "secret"u8.ToArray()),
            },
        };
        var ac = new AAssociateAcPdu
        {
            CalledAeTitle = "XRAYTRIAGE",
            CallingAeTitle = "MODALITY1",
            PresentationContexts =
            [
                new PresentationContextAccept(1, PresentationContextResult.Acceptance, "1.2.840.10008.1.2"),
                new PresentationContextAccept(3, PresentationContextResult.TransferSyntaxesNotSupported, string.Empty),
            ],
            UserInformation = new UserInformation
            {
                MaximumLength = 0,
                ImplementationClassUid = "1.2.3.4.6",
                UserIdentityResponse = new UserIdentityResponse(new byte[] { 9, 8, 7 }),
            },
        };
        return
        [
            AssociatePduTests.EchoRequestBytes(),
            rich.ToArray(),
            ac.ToArray(),
            AAssociateRjPdu.ByServiceUser(AssociateRejectResult.Permanent, ServiceUserRejectReason.CalledAeTitleNotRecognized).ToArray(),
            new PDataTfPdu(
            [
                new PresentationDataValue(1, true, true, new byte[] { 1, 2, 3, 4 }),
                new PresentationDataValue(1, false, false, new byte[] { 5, 6, 7 }),
            ]).ToArray(),
            AReleaseRqPdu.Instance.ToArray(),
            AReleaseRpPdu.Instance.ToArray(),
            new AAbortPdu(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue).ToArray(),
        ];
    }
}
