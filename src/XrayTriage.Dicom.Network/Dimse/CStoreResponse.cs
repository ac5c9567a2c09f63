namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>C-STORE-RSP: the outcome of storing one SOP instance.</summary>
/// <remarks>PS3.7 §9.3.1.2, Table 9.3-2; statuses in PS3.4 §B.2.3.</remarks>
/// <param name="MessageIdBeingRespondedTo">The Message ID Being Responded To (0000,0120).</param>
/// <param name="Status">The Status (0000,0900).</param>
/// <param name="AffectedSopClassUid">The Affected SOP Class UID (0000,0002), echoed from the request.</param>
/// <param name="AffectedSopInstanceUid">The Affected SOP Instance UID (0000,1000), echoed from the request.</param>
public sealed record CStoreResponse(
    ushort MessageIdBeingRespondedTo, DimseStatus Status, string? AffectedSopClassUid, string? AffectedSopInstanceUid)
    : DimseCommand
{
    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CStoreRsp;

    /// <inheritdoc />
    public override bool HasDataSet => false;

    /// <summary>Gets the Error Comment (0000,0902), at most 64 characters, for failures and warnings.</summary>
    public string? ErrorComment { get; init; }

    /// <summary>Creates the response to a request, echoing its identifiers.</summary>
    /// <param name="request">The C-STORE-RQ.</param>
    /// <param name="status">The outcome.</param>
    /// <param name="errorComment">An optional explanation (no PHI).</param>
    /// <returns>The response.</returns>
    public static CStoreResponse For(CStoreRequest request, DimseStatus status, string? errorComment = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CStoreResponse(request.MessageId, status, request.AffectedSopClassUid, request.AffectedSopInstanceUid)
        {
            ErrorComment = errorComment,
        };
    }

    internal override void WriteFields(DicomDataset command)
    {
        if (AffectedSopClassUid is not null)
        {
            command.Add(DicomTags.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid);
        }

        command.Add(DicomTags.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);
        command.Add(DicomTags.Status, Status.Code);
        if (AffectedSopInstanceUid is not null)
        {
            command.Add(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, AffectedSopInstanceUid);
        }

        if (!string.IsNullOrEmpty(ErrorComment))
        {
            command.Add(DicomTags.ErrorComment, DicomVR.LO, ErrorComment.Length > 64 ? ErrorComment[..64] : ErrorComment);
        }
    }
}
