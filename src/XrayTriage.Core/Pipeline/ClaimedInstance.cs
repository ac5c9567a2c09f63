namespace XrayTriage.Core.Pipeline;

/// <summary>An instance a triage worker has claimed; the claim is a lease that another worker may take over when it expires.</summary>
/// <param name="InstanceId">Row of the instance; pass it to complete or fail the work.</param>
/// <param name="StudyId">Row of its study.</param>
/// <param name="StudyInstanceUid">Study Instance UID.</param>
/// <param name="SopInstanceUid">SOP Instance UID.</param>
/// <param name="SopClassUid">SOP Class UID.</param>
/// <param name="TransferSyntaxUid">Transfer syntax of the spooled file.</param>
/// <param name="SpoolPath">The spooled file to read.</param>
/// <param name="Sha256">Expected SHA-256 of the spooled file.</param>
/// <param name="Attempts">Failed attempts so far (an expired lease counts as one).</param>
public sealed record ClaimedInstance(
    long InstanceId,
    long StudyId,
    string StudyInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string SpoolPath,
    string Sha256,
    int Attempts)
{
    /// <summary>When ingest received it (UTC), for the received-to-triaged latency; null when the claimer does not say.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
