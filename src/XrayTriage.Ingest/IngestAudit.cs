using Microsoft.Extensions.Logging;
using XrayTriage.Core.Auditing;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// Audit events of ingest, all (110104, DCM, "DICOM Instances Transferred") as PS3.15 A.5.3.2 describes a received
/// instance: actor the calling AE title, subject the SOP Instance UID, outcome Success for an instance taken in
/// (queued, skipped or duplicate — the detail says which) and SeriousFailure for a refused one. Details carry no
/// patient data. A failed audit write is logged and does not change the answer to the modality; it is bounded by
/// <see cref="WriteTimeout"/>, because a refusal for a database outage is audited into that same database and must
/// not hold the C-STORE response for a whole connection timeout.
/// </summary>
internal sealed class IngestAudit(IAuditLog auditLog, TimeProvider timeProvider, ILogger<IngestAudit> logger)
{
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(3);

    public const string ReceivedDetail = "received; queued for triage";
    public const string SkippedPrefix = "received; skipped: ";
    public const string DuplicatePrefix = "duplicate of instance ";
    public const string RefusedPrefix = "refused ";

    public Task ReceivedAsync(StoreRequest request, ReceivedInstance instance, CancellationToken cancellationToken)
        => WriteAsync(
            request,
            AuditOutcome.Success,
            instance.SkipReason is null ? ReceivedDetail : SkippedPrefix + instance.SkipReason,
            cancellationToken);

    public Task DuplicateAsync(StoreRequest request, RecordReceivedResult result, CancellationToken cancellationToken)
        => WriteAsync(
            request, AuditOutcome.Success, $"{DuplicatePrefix}{result.InstanceId}; acknowledged, not triaged again", cancellationToken);

    public Task RefusedAsync(StoreRequest request, DimseStatus status, string reason, CancellationToken cancellationToken)
        => WriteAsync(request, AuditOutcome.SeriousFailure, $"{RefusedPrefix}{status}: {reason}", cancellationToken);

    private async Task WriteAsync(StoreRequest request, AuditOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(
            AuditEventId.DicomInstancesTransferred,
            AuditEventType.None,
            outcome,
            request.Association.CallingAeTitle,
            request.Command.AffectedSopInstanceUid,
            detail);
        using var timeout = new CancellationTokenSource(WriteTimeout, timeProvider);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await auditLog.RecordAsync(entry, bounded.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AuditWriteFailed(logger, InstanceHash.Of(request.Command.AffectedSopInstanceUid), ex.GetType().Name);
        }
    }
}
