namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>C-ECHO-RQ: verify that the peer answers.</summary>
/// <remarks>PS3.7 §9.3.5.1, Table 9.3-12.</remarks>
/// <param name="MessageId">The Message ID (0000,0110).</param>
/// <param name="AffectedSopClassUid">The Affected SOP Class UID (0000,0002), normally Verification.</param>
public sealed record CEchoRequest(ushort MessageId, string AffectedSopClassUid = CEchoRequest.Verification) : DimseCommand
{
    /// <summary>The Verification SOP Class UID.</summary>
    public const string Verification = "1.2.840.10008.1.1";

    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CEchoRq;

    /// <inheritdoc />
    public override bool HasDataSet => false;

    internal override void WriteFields(DicomDataset command)
    {
        command.Add(DicomTags.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid);
        command.Add(DicomTags.MessageID, MessageId);
    }
}
