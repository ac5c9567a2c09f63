namespace XrayTriage.Inference;

/// <summary>Values of <see cref="InferenceOptions.ExecutionProvider"/> and of <see cref="EnsembleEngine.ActiveProvider"/>.</summary>
public static class ExecutionProviders
{
    public const string Auto = "auto";
    public const string Cuda = "cuda";
    public const string Cpu = "cpu";

    /// <summary><see cref="EnsembleEngine.ActiveProvider"/> when sessions run on the GPU.</summary>
    public const string CudaActive = "CUDA";

    /// <summary><see cref="EnsembleEngine.ActiveProvider"/> when sessions run on the CPU.</summary>
    public const string CpuActive = "CPU";

    public static bool IsKnown(string? value) => value is Auto or Cuda or Cpu;
}
