using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace XrayTriage.Inference;

/// <summary>Builds the session options for the configured provider. <c>OrtEnv.GetAvailableProviders()</c> lists CUDA
/// whenever the CUDA build is installed, GPU or not, so the only reliable test is to append the provider and see.</summary>
internal static class ExecutionProviderSelector
{
    public static (SessionOptions Options, string Provider, string Device) Create(InferenceOptions options, ILogger logger)
    {
        OrtLogBridge.Attach(logger);
        switch (options.ExecutionProvider)
        {
            case ExecutionProviders.Cpu:
            {
                var cpu = CreateCpu(options);
                Log.ProviderSelected(logger, ExecutionProviders.CpuActive, CpuDevice(options), "Inference:ExecutionProvider is cpu");
                return (cpu, ExecutionProviders.CpuActive, CpuDevice(options));
            }

            case ExecutionProviders.Cuda:
            {
                if (TryCreateCuda(options, out var cuda, out var problem))
                {
                    Log.ProviderSelected(logger, ExecutionProviders.CudaActive, CudaDevice(options), "Inference:ExecutionProvider is cuda");
                    return (cuda, ExecutionProviders.CudaActive, CudaDevice(options));
                }

                throw new InferenceException(
                    $"CUDA execution provider unavailable: {problem} "
                    + "(Inference:ExecutionProvider is cuda; use auto to fall back to the CPU).");
            }

            case ExecutionProviders.Auto:
            {
                if (TryCreateCuda(options, out var cuda, out var problem))
                {
                    Log.ProviderSelected(
                        logger,
                        ExecutionProviders.CudaActive,
                        CudaDevice(options),
                        "Inference:ExecutionProvider is auto and CUDA initialized");
                    return (cuda, ExecutionProviders.CudaActive, CudaDevice(options));
                }

                Log.ProviderFallback(logger, problem);
                return (CreateCpu(options), ExecutionProviders.CpuActive, CpuDevice(options));
            }

            default:
                throw new InferenceException($"Inference:ExecutionProvider must be auto, cuda or cpu (got '{options.ExecutionProvider}').");
        }
    }

    private static bool TryCreateCuda(InferenceOptions options, out SessionOptions sessionOptions, out string problem)
    {
        var candidate = CreateCpu(options);
        Exception? failure = null;
        var causes = OrtLogBridge.Capture(() =>
        {
            try
            {
                candidate.AppendExecutionProvider_CUDA(options.DeviceId);
            }
#pragma warning disable CA1031 // Any failure (missing CUDA libraries, no device, driver mismatch) means the same thing: no CUDA here.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }
        });
        if (failure is null)
        {
            sessionOptions = candidate;
            problem = "";
            return true;
        }

        candidate.Dispose();
        sessionOptions = null!;
        problem = causes.Count == 0 ? OneLine(failure.Message) : $"{OneLine(failure.Message)}: {string.Join("; ", causes)}";
        return false;
    }

    private static SessionOptions CreateCpu(InferenceOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (options.IntraOpThreads > 0)
        {
            sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        }

        if (options.InterOpThreads > 0)
        {
            sessionOptions.InterOpNumThreads = options.InterOpThreads;
        }

        // Session configuration keys of ONNX Runtime (onnxruntime_session_options_config_keys.h).
        var spinning = options.AllowSpinning ? "1" : "0";
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning);
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", spinning);
        return sessionOptions;
    }

    private static string CudaDevice(InferenceOptions options) => $"CUDA device {options.DeviceId}";

    private static string CpuDevice(InferenceOptions options)
        => options.IntraOpThreads > 0
            ? $"{Environment.ProcessorCount} logical processors, {options.IntraOpThreads} intra-op threads"
            : $"{Environment.ProcessorCount} logical processors, default threads";

    private static string OneLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
