using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Host;

internal static partial class Log
{
    [LoggerMessage(EventId = EventIdRanges.Host + 1, Level = LogLevel.Information,
        Message = "XrayTriage {Version} started as AE {AeTitle} (DICOM port {DicomPort}); models at {ModelsPath}")]
    public static partial void Started(ILogger logger, string version, string aeTitle, int dicomPort, string modelsPath);

    [LoggerMessage(EventId = EventIdRanges.Host + 2, Level = LogLevel.Information, Message = "XrayTriage stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = EventIdRanges.Host + 3, Level = LogLevel.Warning,
        Message = "Could not write the {Event} audit event: {Reason}")]
    public static partial void AuditWriteFailed(ILogger logger, string @event, string reason);
}
