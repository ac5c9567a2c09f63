using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace XrayTriage.Inference.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .Where(l => l.StartsWith("model name", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault() ?? cpu;
        }

        return $"{cpu}, {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}, ONNX Runtime {OrtEnv.Instance().GetVersionString()}";
    }

    /// <summary>The 1-minute load average (Linux), or "n/a".</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
