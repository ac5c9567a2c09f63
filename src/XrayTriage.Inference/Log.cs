using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Inference;

/// <summary>Source-generated log messages of the inference engine. Only model names, providers and counts; never image data.</summary>
internal static partial class Log
{
    public const int FirstEventId = EventIdRanges.Inference;

    [LoggerMessage(EventId = FirstEventId, Level = LogLevel.Information, Message = "Inference runs on {Provider} ({Device}): {Reason}")]
    public static partial void ProviderSelected(ILogger logger, string provider, string device, string reason);

    [LoggerMessage(EventId = FirstEventId + 1, Level = LogLevel.Warning,
        Message = "Inference runs on CPU: CUDA execution provider unavailable ({Reason})")]
    public static partial void ProviderFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = FirstEventId + 2, Level = LogLevel.Information,
        Message = "Ensemble {Name} {Version} loaded: {Members} members verified by SHA-256, warm-up {WarmupMilliseconds} ms")]
    public static partial void EnsembleLoaded(ILogger logger, string name, string version, int members, long warmupMilliseconds);

    [LoggerMessage(EventId = FirstEventId + 3, Level = LogLevel.Debug,
        Message = "Ensemble member {Member} loaded from {File}: class maps {MapWidth}×{MapHeight}")]
    public static partial void MemberLoaded(ILogger logger, string member, string file, int mapWidth, int mapHeight);

    [LoggerMessage(EventId = FirstEventId + 4, Level = LogLevel.Error, Message = "Ensemble batch of {Count} images failed: {Reason}")]
    public static partial void BatchFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = FirstEventId + 5, Message = "ONNX Runtime ({Category}): {Message}")]
    public static partial void OnnxRuntimeMessage(ILogger logger, LogLevel level, string category, string message);

    [LoggerMessage(EventId = FirstEventId + 6, Level = LogLevel.Information,
        Message = "Content gate loaded from {File}: {Features} pooled features, threshold {Threshold}, verified by SHA-256")]
    public static partial void ContentGateLoaded(ILogger logger, string file, int features, double threshold);

    [LoggerMessage(EventId = FirstEventId + 7, Level = LogLevel.Warning,
        Message = "Ensemble {Name} {Version} has no content gate: every image that passes the header rules gets a class, "
            + "whatever it shows")]
    public static partial void NoContentGate(ILogger logger, string name, string version);
}
