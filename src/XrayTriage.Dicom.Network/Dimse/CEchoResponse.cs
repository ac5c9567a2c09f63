namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>C-ECHO-RSP: the answer to a C-ECHO-RQ.</summary>
/// <remarks>PS3.7 §9.3.5.2, Table 9.3-13.</remarks>
/// <param name="MessageIdBeingRespondedTo">The Message ID Being Responded To (0000,0120).</param>
/// <param name="Status">The Status (0000,0900).</param>
/// <param name="AffectedSopClassUid">The Affected SOP Class UID (0000,0002), optional in the response.</param>
public sealed record CEchoResponse(
    ushort MessageIdBeingRespondedTo, DimseStatus Status, string? AffectedSopClassUid = CEchoRequest.Verification)
    : DimseCommand
{
    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CEchoRsp;

    /// <inheritdoc />
    public override bool HasDataSet => false;

    internal override void WriteFields(DicomDataset command)
    {
        if (AffectedSopClassUid is not null)
        {
            command.Add(DicomTags.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid);
        }

        command.Add(DicomTags.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);
        command.Add(DicomTags.Status, Status.Code);
    }
}
