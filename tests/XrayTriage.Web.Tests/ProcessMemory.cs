using System.Globalization;

namespace XrayTriage.Web.Tests;

/// <summary>Resident memory of a child process from <c>/proc/PID/status</c>: VmRSS now, VmHWM the peak since start or
/// since <see cref="ResetPeak"/> (writing 5 to <c>/proc/PID/clear_refs</c>, Linux ≥ 4.0).</summary>
public static class ProcessMemory
{
    public const long MiB = 1024 * 1024;

    public static long ResidentBytes(int pid) => Read(pid, "VmRSS:");

    public static long PeakBytes(int pid) => Read(pid, "VmHWM:");

    /// <summary>Makes the peak the current resident size, so the next peak belongs to what the test does next.</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
