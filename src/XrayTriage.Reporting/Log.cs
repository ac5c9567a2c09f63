using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Reporting;

/// <summary>Source-generated log messages of the reporting stage. Reports, studies and deliveries are named by their
/// database ids and destinations by their configured names and AE titles: never patient data, never UIDs.</summary>
internal static partial class Log
{
    private const int First = EventIdRanges.Reporting;

    [LoggerMessage(EventId = First, Level = LogLevel.Information,
        Message = "Report delivery started: {Count} destination(s) {Destinations}; SR class {SopClass}, heatmap images {Heatmap}")]
    public static partial void DispatcherStarted(ILogger logger, int count, string destinations, string sopClass, bool heatmap);

    [LoggerMessage(EventId = First + 1, Level = LogLevel.Information,
        Message = "Report {ReportId} (study {StudyId}, version {Version}) stored at {Destination}: "
            + "SR and {Captures} heatmap image(s) in {ElapsedMs:F0} ms, attempt {Attempt}")]
    public static partial void Delivered(
        ILogger logger, long reportId, long studyId, int version, string destination, int captures, double elapsedMs, int attempt);

    [LoggerMessage(EventId = First + 2, Level = LogLevel.Warning,
        Message = "Report {ReportId} to {Destination}: attempt {Attempt} of {MaxAttempts} failed, "
            + "next try after {NextAttemptAt:O}: {Reason}")]
    public static partial void AttemptFailed(
        ILogger logger, long reportId, string destination, int attempt, int maxAttempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = First + 3, Level = LogLevel.Error,
        Message = "Report {ReportId} to {Destination} failed for good after attempt {Attempt}: {Reason}. "
            + "Re-queue with: xraytriage outbox retry --id {DeliveryId}")]
    public static partial void DeliveryFailed(
        ILogger logger, long reportId, string destination, int attempt, string reason, long deliveryId);

    [LoggerMessage(EventId = First + 4, Level = LogLevel.Warning,
        Message = "Destination {Destination} paused until {Until:O}: circuit breaker open after repeated failures")]
    public static partial void DestinationPaused(ILogger logger, string destination, DateTimeOffset until);

    [LoggerMessage(EventId = First + 5, Level = LogLevel.Information,
        Message = "Destination {Destination} reachable again: circuit breaker closed")]
    public static partial void DestinationResumed(ILogger logger, string destination);

    [LoggerMessage(EventId = First + 6, Level = LogLevel.Warning,
        Message = "Outbox database access failed ({Operation}) for {Destination}; retrying in {Delay}: {Reason}")]
    public static partial void OutboxUnavailable(ILogger logger, string operation, string destination, TimeSpan delay, string reason);

    [LoggerMessage(EventId = First + 7, Level = LogLevel.Warning,
        Message = "Report {ReportId} to {Destination}: delivered, but {Refused} heatmap image(s) were not accepted "
            + "(Secondary Capture SOP class refused)")]
    public static partial void CapturesRefused(ILogger logger, long reportId, string destination, int refused);

    [LoggerMessage(EventId = First + 8, Level = LogLevel.Warning,
        Message = "Report {ReportId} to {Destination}: the outcome could not be recorded ({Problem}); "
            + "the delivery returns when its claim lease expires")]
    public static partial void OutcomeNotRecorded(ILogger logger, long reportId, string destination, string problem);

    [LoggerMessage(EventId = First + 9, Level = LogLevel.Information,
        Message = "Queued {Count} report delivery(ies) for {Destinations} destination(s)")]
    public static partial void FannedOut(ILogger logger, int count, int destinations);

    [LoggerMessage(EventId = First + 10, Level = LogLevel.Information,
        Message = "Spool retention: deleted {Files} spool file(s) ({Bytes} bytes) of studies reported to every destination "
            + "more than {Retention} ago")]
    public static partial void SpoolPurged(ILogger logger, int files, long bytes, TimeSpan retention);

    [LoggerMessage(EventId = First + 11, Level = LogLevel.Warning,
        Message = "Spool retention sweep failed; next sweep in {Interval}: {Reason}")]
    public static partial void PurgeFailed(ILogger logger, TimeSpan interval, string reason);

    [LoggerMessage(EventId = First + 12, Level = LogLevel.Warning,
        Message = "Audit event for report {ReportId} to {Destination} not written: {Reason}")]
    public static partial void AuditFailed(ILogger logger, long reportId, string destination, string reason);
}
