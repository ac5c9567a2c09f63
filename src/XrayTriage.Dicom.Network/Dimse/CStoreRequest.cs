namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>C-STORE-RQ: store one composite SOP instance; the data set follows the command.</summary>
/// <remarks>PS3.7 §9.3.1.1, Table 9.3-1.</remarks>
/// <param name="MessageId">The Message ID (0000,0110).</param>
/// <param name="AffectedSopClassUid">The Affected SOP Class UID (0000,0002).</param>
/// <param name="AffectedSopInstanceUid">The Affected SOP Instance UID (0000,1000).</param>
/// <param name="Priority">The Priority (0000,0700).</param>
public sealed record CStoreRequest(
    ushort MessageId, string AffectedSopClassUid, string AffectedSopInstanceUid, DimsePriority Priority = DimsePriority.Medium)
    : DimseCommand
{
    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CStoreRq;

    /// <inheritdoc />
    public override bool HasDataSet => true;

    /// <summary>Gets the Move Originator Application Entity Title (0000,1030) when the store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    /// <summary>Gets the Move Originator Message ID (0000,1031) when the store is a C-MOVE sub-operation.</summary>
    public ushort? MoveOriginatorMessageId { get; init; }

    internal override void WriteFields(DicomDataset command)
    {
        command.Add(DicomTags.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid);
        command.Add(DicomTags.MessageID, MessageId);
        command.Add(DicomTags.Priority, (ushort)Priority);
        command.Add(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, AffectedSopInstanceUid);
        if (MoveOriginatorAeTitle is not null)
        {
            command.Add(DicomTags.MoveOriginatorApplicationEntityTitle, DicomVR.AE, MoveOriginatorAeTitle);
        }

        if (MoveOriginatorMessageId is { } originatorId)
        {
            command.Add(DicomTags.MoveOriginatorMessageID, originatorId);
        }
    }
}
