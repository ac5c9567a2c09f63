using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Triage;

/// <summary>Source-generated log messages of the triage stage. Instances are named by their database row id and
/// studies by theirs: never patient data, and no UIDs (the project logs none).</summary>
internal static partial class Log
{
    public const int FirstEventId = EventIdRanges.Triage;

    [LoggerMessage(EventId = FirstEventId, Level = LogLevel.Information,
        Message = "Triage worker {WorkerId} started: {Workers} concurrent images, claims of up to {ClaimBatch}, lease {LeaseTimeout}")]
    public static partial void WorkerStarted(ILogger logger, string workerId, int workers, int claimBatch, TimeSpan leaseTimeout);

    [LoggerMessage(EventId = FirstEventId + 1, Level = LogLevel.Information,
        Message = "Triage worker {WorkerId} stopped after finishing its claimed images")]
    public static partial void WorkerStopped(ILogger logger, string workerId);

    [LoggerMessage(EventId = FirstEventId + 2, Level = LogLevel.Information,
        Message = "Instance {InstanceId} triaged {Priority} in {LatencyMs:F0} ms (claim to commit {ClaimToCommitMs:F0} ms)")]
    public static partial void InstanceTriaged(ILogger logger, long instanceId, string priority, double latencyMs, double claimToCommitMs);

    [LoggerMessage(EventId = FirstEventId + 3, Level = LogLevel.Information,
        Message = "Instance {InstanceId} was already triaged by another worker (its lease had been taken over); nothing written")]
    public static partial void InstanceAlreadyTriaged(ILogger logger, long instanceId);

    [LoggerMessage(EventId = FirstEventId + 4, Level = LogLevel.Warning,
        Message = "Instance {InstanceId} no longer exists; its triage was dropped")]
    public static partial void InstanceNotFound(ILogger logger, long instanceId);

    [LoggerMessage(EventId = FirstEventId + 5, Level = LogLevel.Warning,
        Message = "Instance {InstanceId} attempt {Attempt} of {MaxAttempts} failed, retried after {NextAttemptAt:O}: {Reason}")]
    public static partial void AttemptFailed(
        ILogger logger, long instanceId, int attempt, int maxAttempts, DateTimeOffset? nextAttemptAt, string reason);

    [LoggerMessage(EventId = FirstEventId + 6, Level = LogLevel.Error,
        Message = "Instance {InstanceId} failed for good after {Attempts} attempts: {Reason}")]
    public static partial void InstanceFailed(ILogger logger, long instanceId, int attempts, string reason);

    [LoggerMessage(EventId = FirstEventId + 7, Level = LogLevel.Warning,
        Message = "Failure of instance {InstanceId} not recorded ({Problem}); it returns after its lease expires: {Reason}")]
    public static partial void FailureNotRecorded(ILogger logger, long instanceId, string problem, string reason);

    [LoggerMessage(EventId = FirstEventId + 8, Level = LogLevel.Warning,
        Message = "Claiming triage work failed, retrying in {Delay}: {Reason}")]
    public static partial void ClaimFailed(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(EventId = FirstEventId + 9, Level = LogLevel.Information,
        Message = "Study {StudyId} settled with {ImageCount} images, priority {Priority}; " +
            "report {ReportId} version {ReportVersion} queued")]
    public static partial void StudySettled(
        ILogger logger, long studyId, int imageCount, string priority, long reportId, int reportVersion);

    [LoggerMessage(EventId = FirstEventId + 10, Level = LogLevel.Warning, Message = "Settle sweep failed, retrying in {Delay}: {Reason}")]
    public static partial void SettleFailed(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(EventId = FirstEventId + 11, Level = LogLevel.Error,
        Message = "Settled study {StudyId} not accepted by {Sink}: {Reason}")]
    public static partial void SinkFailed(ILogger logger, long studyId, string sink, string reason);

    [LoggerMessage(EventId = FirstEventId + 12, Level = LogLevel.Debug, Message = "Queue depth not refreshed: {Reason}")]
    public static partial void QueueDepthFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = FirstEventId + 13, Level = LogLevel.Information,
        Message = "Instance {InstanceId} not assessable: {Reason} (score {Score}, threshold {Threshold}); no class given")]
    public static partial void InstanceNotAssessable(ILogger logger, long instanceId, string reason, double? score, double? threshold);
}
