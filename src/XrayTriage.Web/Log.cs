using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Web;

/// <summary>The web pages' log lines: user names and database ids only, never patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIdRanges.Web + 1, Level = LogLevel.Information, Message = "User {User} signed in ({Scheme})")]
    public static partial void SignedIn(ILogger logger, string user, string scheme);

    [LoggerMessage(EventId = EventIdRanges.Web + 2, Level = LogLevel.Warning, Message = "Failed sign-in for {User}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = EventIdRanges.Web + 3, Level = LogLevel.Information, Message = "User {User} signed out")]
    public static partial void SignedOut(ILogger logger, string user);

    [LoggerMessage(EventId = EventIdRanges.Web + 4, Level = LogLevel.Warning,
        Message = "Could not render instance {InstanceId} of study {StudyId}: {Reason}")]
    public static partial void RenderFailed(ILogger logger, long instanceId, long studyId, string reason);

    [LoggerMessage(EventId = EventIdRanges.Web + 5, Level = LogLevel.Information,
        Message = "User {User} set the priority of study {StudyId} to {Priority}")]
    public static partial void PrioritySet(ILogger logger, string user, long studyId, string priority);

    [LoggerMessage(EventId = EventIdRanges.Web + 6, Level = LogLevel.Information, Message = "User {User} exported {Count} audit events")]
    public static partial void AuditExported(ILogger logger, string user, int count);

    [LoggerMessage(EventId = EventIdRanges.Web + 7, Level = LogLevel.Information,
        Message = "User {User} classified an uploaded {Format} image ({Width}x{Height}) in {LatencyMs:0.0} ms")]
    public static partial void UploadClassified(ILogger logger, string user, string format, int width, int height, double latencyMs);

    [LoggerMessage(EventId = EventIdRanges.Web + 8, Level = LogLevel.Warning, Message = "Could not classify an upload of {User}: {Reason}")]
    public static partial void UploadFailed(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = EventIdRanges.Web + 9, Level = LogLevel.Warning,
        Message = "Could not write the {Event} audit event: {Reason}")]
    public static partial void AuditWriteFailed(ILogger logger, string @event, string reason);

    [LoggerMessage(EventId = EventIdRanges.Web + 10, Level = LogLevel.Information, Message = "Session of {User} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = EventIdRanges.Web + 11, Level = LogLevel.Warning,
        Message = "Sign-in attempts refused for {Key}: too many in a minute (logged once per burst)")]
    public static partial void SignInThrottled(ILogger logger, string key);

    [LoggerMessage(EventId = EventIdRanges.Web + 12, Level = LogLevel.Warning,
        Message = "Refused an upload of {User}: {Length} bytes declared, limit {Limit} bytes (Web:MaxUploadBytes)")]
    public static partial void UploadTooLarge(ILogger logger, string user, long? length, long limit);

    [LoggerMessage(EventId = EventIdRanges.Web + 13, Level = LogLevel.Information,
        Message = "Rendered instance {InstanceId} of study {StudyId} for display at {Width}x{Height} in {LatencyMs:0} ms " +
            "({Running} render(s) running)")]
    public static partial void Rendered(
        ILogger logger, long instanceId, long studyId, int width, int height, double latencyMs, int running);

    [LoggerMessage(EventId = EventIdRanges.Web + 14, Level = LogLevel.Warning,
        Message = "Refused an upload of {User}: busy ({Running} upload(s) being classified, " +
            "{ReservedBytes} of {BudgetBytes} bytes reserved; this one needs {NeededBytes})")]
    public static partial void UploadBusy(ILogger logger, string user, int running, long reservedBytes, long budgetBytes, long neededBytes);
}
