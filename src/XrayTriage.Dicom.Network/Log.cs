using System.Net;
using Microsoft.Extensions.Logging;

namespace XrayTriage.Dicom.Network;

/// <summary>Source-generated log messages of the DICOM network toolkit. Only AE titles, addresses and reasons are
/// logged, never data set contents (no PHI).</summary>
internal static partial class Log
{
    /// <summary>First event id of this project: <c>EventIdRanges.DicomNetwork</c> in XrayTriage.Core (the toolkit must not
    /// reference Core, so the number is copied here; keep the two equal).</summary>
    public const int FirstEventId = 4000;

    [LoggerMessage(EventId = FirstEventId, Level = LogLevel.Information, Message = "DICOM SCP {AeTitle} listening on {EndPoint}{Security}")]
    public static partial void ScpListening(ILogger logger, string aeTitle, EndPoint endPoint, string security);

    [LoggerMessage(EventId = FirstEventId + 1, Level = LogLevel.Information,
        Message = "DICOM SCP {AeTitle} stopping: refusing new connections, {Active} connections in flight")]
    public static partial void ScpStopping(ILogger logger, string aeTitle, int active);

    [LoggerMessage(EventId = FirstEventId + 2, Level = LogLevel.Warning,
        Message = "Connection from {RemoteEndPoint} closed at once: {Limit} connections already open")]
    public static partial void ConnectionRefused(ILogger logger, EndPoint? remoteEndPoint, int limit);

    [LoggerMessage(EventId = FirstEventId + 3, Level = LogLevel.Debug, Message = "Connection from {RemoteEndPoint} ended normally")]
    public static partial void ConnectionEnded(ILogger logger, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = FirstEventId + 4, Level = LogLevel.Warning,
        Message = "Connection from {RemoteEndPoint} ended early: {Outcome}")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint? remoteEndPoint, string outcome);

    [LoggerMessage(EventId = FirstEventId + 5, Level = LogLevel.Warning,
        Message = "A handler of the SCP's {Event} event failed: {ExceptionType}: {Reason}")]
    public static partial void EventHandlerFailed(ILogger logger, string @event, string exceptionType, string reason);

    [LoggerMessage(EventId = FirstEventId + 6, Level = LogLevel.Error,
        Message = "The store handler failed ({Stage}) on C-STORE message {MessageId} of SOP class {SopClassUid} " +
            "from {CallingAeTitle}; answered 0110: {ExceptionType}")]
    public static partial void StoreHandlerFailed(
        ILogger logger, string callingAeTitle, int messageId, string sopClassUid, string stage, string exceptionType);
}
