namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>A command this toolkit does not implement, kept so an SCP can answer 0211H (unrecognized operation).</summary>
/// <remarks>PS3.7 §9.3 and Annex C.5.</remarks>
/// <param name="RawCommandField">The Command Field (0000,0100) as received.</param>
/// <param name="MessageId">The Message ID (0000,0110), when present.</param>
/// <param name="AffectedSopClassUid">The Affected SOP Class UID (0000,0002), when present.</param>
/// <param name="DataSetFollows">Whether a data set follows (Command Data Set Type ≠ 0101H).</param>
public sealed record UnknownDimseCommand(ushort RawCommandField, ushort? MessageId, string? AffectedSopClassUid, bool DataSetFollows)
    : DimseCommand
{
    /// <inheritdoc />
    public override DimseCommandField CommandField => (DimseCommandField)RawCommandField;

    /// <inheritdoc />
    public override bool HasDataSet => DataSetFollows;

    internal override void WriteFields(DicomDataset command) =>
        throw new NotSupportedException($"Command field 0x{RawCommandField:X4} cannot be encoded.");
}
