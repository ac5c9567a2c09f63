using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace XrayTriage.Inference;

/// <summary>ONNX Runtime logs to stderr by itself (ANSI-coloured, outside the host's logging). The process-wide
/// <see cref="OrtEnv"/> is created once with a callback that forwards to <see cref="ILogger"/>, and that lets the CUDA
/// probe collect the real cause of a failure (e.g. a missing libcublasLt) for its one-line message.</summary>
internal static partial class OrtLogBridge
{
    private static readonly Lock Gate = new();
    private static readonly DOrtLoggingFunction Callback = OnLog;
    private static ILogger s_logger = NullLogger.Instance;

    [ThreadStatic]
    private static List<string>? t_captured;

    /// <summary>Routes ONNX Runtime's log to <paramref name="logger"/> (the environment is one per process: the latest
    /// engine's logger receives it). Has no effect on the output when something else created the environment first.</summary>
    public static void Attach(ILogger logger)
    {
        lock (Gate)
        {
            s_logger = logger;
            if (OrtEnv.IsCreated)
            {
                return;
            }

            var options = new EnvironmentCreationOptions
            {
                logId = "xraytriage",
                logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                loggingFunction = Callback,
            };
            OrtEnv.CreateInstanceWithOptions(ref options);
        }
    }

    /// <summary>Runs <paramref name="action"/> with ONNX Runtime's messages on this thread collected instead of logged;
    /// returns the errors it reported, shortened to their cause.</summary>
    public static IReadOnlyList<string> Capture(Action action)
    {
        var captured = new List<string>();
        t_captured = captured;
        try
        {
            action();
        }
        finally
        {
            t_captured = null;
        }

        return captured;
    }

    private static void OnLog(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        if (t_captured is { } captured)
        {
            if (severity >= OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR)
            {
                captured.Add(Cause(message));
            }

            return;
        }

        var level = severity switch
        {
            OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => LogLevel.Trace,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => LogLevel.Debug,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => LogLevel.Warning,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        Log.OnnxRuntimeMessage(s_logger, level, category, message);
    }

    /// <summary>"…provider_bridge_ort.cc:2043 … [ONNXRuntimeError] : 1 : FAIL : Failed to load library … with error:
    /// libcublasLt.so.13: cannot open shared object file" → the part after the error code.</summary>
    private static string Cause(string message)
    {
        var match = ErrorCause().Match(message);
        var cause = match.Success ? match.Groups[1].Value : message;
        var end = cause.IndexOfAny(['\r', '\n']);
        return (end < 0 ? cause : cause[..end]).Trim();
    }

    [GeneratedRegex(@"\[ONNXRuntimeError\] : \d+ : \w+ : (.*)", RegexOptions.Singleline)]
    private static partial Regex ErrorCause();
}
