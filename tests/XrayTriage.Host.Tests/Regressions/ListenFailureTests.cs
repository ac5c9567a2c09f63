using System.Globalization;
using System.Net;
using System.Net.Sockets;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests.Regressions;

/// <summary>Issue 21 item 1: a port that cannot be bound stops serve with one stderr line naming the setting, recognised by
/// the socket error code. Before, only an IOException whose message said "address" was recognised: the DICOM
/// listener's failure reached the command line as an unhandled exception with its stack trace on stderr.</summary>
public sealed class ListenFailureTests
{
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=2";

    [Theory]
    [InlineData("Dicom:Port")]
    [InlineData("Urls")]
    public async Task Serve_PortAlreadyInUse_ExitsOneNamingTheSettingWithoutStackTrace(string setting)
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var busy = ((IPEndPoint)occupied.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var (httpPort, dicomPort) = setting == "Urls" ? (busy, Free()) : (Free(), busy);

        var result = await XrayTriageExecutable.RunAsync(
            [
                "serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}",
                $"--Models:Path={XrayTriageExecutable.ModelsPath}",
            ],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = UnreachableDatabase },
            TimeSpan.FromSeconds(90));

        Assert.Equal(1, result.ExitCode);
        // The host's own log (stdout) carries the exception; stderr is the one line for the operator.
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"xraytriage: cannot listen on {setting}: ", line, StringComparison.Ordinal);
        Assert.Contains(busy, line, StringComparison.Ordinal);
    }

    private static string Free() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
}
