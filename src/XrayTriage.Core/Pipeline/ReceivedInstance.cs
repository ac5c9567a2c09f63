namespace XrayTriage.Core.Pipeline;

/// <summary>An instance the ingest stage has made durable in the spool and now records in the database.</summary>
/// <param name="StudyInstanceUid">Groups the instance into its study.</param>
/// <param name="SeriesInstanceUid">Series of the instance.</param>
/// <param name="SopInstanceUid">Identity of the instance: a second instance with the same UID is a duplicate.</param>
/// <param name="SopClassUid">Storage SOP class.</param>
/// <param name="TransferSyntaxUid">Transfer syntax of the spooled file.</param>
/// <param name="CallingAeTitle">The modality that sent it.</param>
/// <param name="ReceivedAt">When it was received (UTC, from the injected TimeProvider).</param>
/// <param name="SpoolPath">Where the spooled file is.</param>
/// <param name="SizeBytes">Size of the spooled file.</param>
/// <param name="Sha256">SHA-256 of the spooled file, 64 lowercase hex digits.</param>
/// <param name="SkipReason">Why the instance is not triaged; null when it is eligible.</param>
/// <param name="Study">Worklist attributes of its study (patient data).</param>
public sealed record ReceivedInstance(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string CallingAeTitle,
    DateTimeOffset ReceivedAt,
    string SpoolPath,
    long SizeBytes,
    string Sha256,
    string? SkipReason,
    StudyAttributes Study)
{
    public Eligibility Eligibility => SkipReason is null ? Eligibility.Eligible : Eligibility.Skipped;
}
