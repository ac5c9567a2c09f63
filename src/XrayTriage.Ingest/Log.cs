using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Ingest;

/// <summary>
/// Ingest events 5000–5099. Never patient data: AE titles, row ids, status codes and a short hash of the SOP
/// Instance UID (enough to correlate with the database, not a UID to look up elsewhere).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIdRanges.Ingest + 1, Level = LogLevel.Information,
        Message = "Ingest listening as {AeTitle} on {EndPoint}, spool {SpoolPath}, free-disk watermark {MinFreeDiskBytes} bytes")]
    public static partial void Listening(ILogger logger, string aeTitle, string endPoint, string spoolPath, long minFreeDiskBytes);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 2, Level = LogLevel.Information, Message = "Ingest stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 3, Level = LogLevel.Information,
        Message = "Deleted {Count} incomplete spool file(s) left by an earlier run")]
    public static partial void IncompleteDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 10, Level = LogLevel.Debug,
        Message = "Instance {InstanceHash} from {CallingAeTitle} recorded as row {InstanceId} ({Eligibility})")]
    public static partial void Recorded(ILogger logger, string instanceHash, string callingAeTitle, long instanceId, string eligibility);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 11, Level = LogLevel.Information,
        Message = "Instance {InstanceHash} from {CallingAeTitle} is a duplicate of row {InstanceId}; acknowledged, not triaged again")]
    public static partial void Duplicate(ILogger logger, string instanceHash, string callingAeTitle, long instanceId);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 20, Level = LogLevel.Warning,
        Message = "Refused instance {InstanceHash} from {CallingAeTitle} with A700: {FreeBytes} bytes free on the spool disk, " +
            "watermark {MinFreeDiskBytes}")]
        public static partial void DiskBelowWatermark(
            ILogger logger, string instanceHash, string callingAeTitle, long freeBytes, long minFreeDiskBytes);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 21, Level = LogLevel.Error,
        Message = "Could not spool instance {InstanceHash} from {CallingAeTitle}; answered {Status}: {Reason}")]
    public static partial void SpoolFailed(ILogger logger, string instanceHash, string callingAeTitle, string status, string reason);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 22, Level = LogLevel.Warning,
        Message = "Instance {InstanceHash} from {CallingAeTitle} is not readable DICOM; answered {Status}: {Reason}")]
    public static partial void Unreadable(ILogger logger, string instanceHash, string callingAeTitle, string status, string reason);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 23, Level = LogLevel.Error,
        Message = "Could not record instance {InstanceHash} from {CallingAeTitle} in the database ({Failure}); " +
            "spool file removed, answered {Status}")]
    public static partial void RecordFailed(ILogger logger, string instanceHash, string callingAeTitle, string failure, string status);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 24, Level = LogLevel.Warning,
        Message = "Could not delete the spool file of instance {InstanceHash}; the database does not refer to it")]
    public static partial void OrphanLeft(ILogger logger, string instanceHash);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 25, Level = LogLevel.Error,
        Message = "Could not store instance {InstanceHash} from {CallingAeTitle}; answered {Status}: {ExceptionType}")]
    public static partial void StoreFailed(ILogger logger, string instanceHash, string callingAeTitle, string status, string exceptionType);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 26, Level = LogLevel.Information,
        Message = "Transfer of instance {InstanceHash} from {CallingAeTitle} ended after {Bytes} bytes, " +
            "before its data set was complete; partial spool file removed, nothing recorded")]
    public static partial void TransferIncomplete(ILogger logger, string instanceHash, string callingAeTitle, long bytes);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 30, Level = LogLevel.Warning,
        Message = "Could not write the audit event for instance {InstanceHash}: {Reason}")]
    public static partial void AuditWriteFailed(ILogger logger, string instanceHash, string reason);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 40, Level = LogLevel.Debug,
        Message = "Association from {CallingAeTitle} to {CalledAeTitle} accepted ({AcceptedContexts} presentation contexts)")]
    public static partial void AssociationAccepted(ILogger logger, string callingAeTitle, string calledAeTitle, int acceptedContexts);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 45, Level = LogLevel.Information,
        Message = "Association from {CallingAeTitle} at {Peer} called AE title {CalledAeTitle}, not ours ({AeTitle}); " +
            "accepted because Dicom:RequireCalledAeTitle is off")]
        public static partial void OtherCalledAeTitleAccepted(
            ILogger logger, string callingAeTitle, string peer, string calledAeTitle, string aeTitle);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 41, Level = LogLevel.Warning,
        Message = "Rejected association from {CallingAeTitle} to {CalledAeTitle} (transient, temporary congestion): " +
            "{FreeBytes} bytes free on the spool disk, watermark {MinFreeDiskBytes}")]
        public static partial void AssociationRejectedDiskLow(
            ILogger logger, string callingAeTitle, string calledAeTitle, long freeBytes, long minFreeDiskBytes);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 42, Level = LogLevel.Warning,
        Message = "Could not measure the spool disk for an association from {CallingAeTitle}; " +
            "accepted, each C-STORE checks again: {Reason}")]
    public static partial void SpoolSpaceUnknown(ILogger logger, string callingAeTitle, string reason);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 43, Level = LogLevel.Warning,
        Message = "Could not write the association audit event for {CallingAeTitle}: {Reason}")]
    public static partial void AssociationAuditFailed(ILogger logger, string callingAeTitle, string reason);

    [LoggerMessage(EventId = EventIdRanges.Ingest + 44, Level = LogLevel.Warning,
        Message = "Association audit event for {CallingAeTitle} dropped: {Capacity} events already wait for the database")]
    public static partial void AssociationAuditDropped(ILogger logger, string callingAeTitle, int capacity);
}
