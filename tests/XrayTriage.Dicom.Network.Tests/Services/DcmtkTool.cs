using System.Diagnostics;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary>Runs a DCMTK command-line tool (a real peer nobody here wrote) and captures its output. The toolkit's tests do
/// not use tests/XrayTriage.Testing (it references the application), so this is a small copy of the idea, bounded in time.</summary>
internal static class DcmtkTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var path = Path.Combine("/usr/bin", tool);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"DCMTK tool '{tool}' is not installed: apt-get install dcmtk (./test.sh does this).");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
