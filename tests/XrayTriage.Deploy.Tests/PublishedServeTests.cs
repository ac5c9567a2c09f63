using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>The installed, self-contained linux-x64 <c>xraytriage serve</c> started from its install folder the way the
/// unit starts it: the unit's <c>Environment=</c> lines and the env file install.sh wrote (paths moved into the temporary
/// root, listeners on free loopback ports), under a parent process named <c>systemd</c> with a <c>NOTIFY_SOCKET</c>, so
/// <c>UseSystemd()</c> is active and its sd_notify messages can be read. systemd itself is not involved.</summary>
[Collection(PublishedInstallGroup.Name)]
public sealed class PublishedServeTests(PublishedInstall install)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Serve_PublishedBinaryUnderSystemdParent_NotifiesReadyAnswersHealthAndStopsCleanly()
    {
        install.Install.EnsureSuccess("install.sh");
        var work = install.NewTemporaryDirectory("xraytriage-serve-");
        var socketPath = Path.Combine(work, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var messages = new List<string>();
        using var receiving = new CancellationTokenSource();
        var receiver = ReceiveAsync(notify, messages, receiving.Token);

        // A copy of bash named "systemd": .NET's UseSystemd() turns on only when the parent process is called systemd.
        var fakeSystemd = Path.Combine(work, "systemd");
        File.Copy("/bin/bash", fakeSystemd);
        var httpPort = FreePort.Next();
        var environment = ServiceEnvironment();
        environment["NOTIFY_SOCKET"] = socketPath;
        environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        environment["Dicom__BindAddress"] = "127.0.0.1";
        environment["Dicom__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        // The strict called-AE check docs/operations.md §8 describes (off by default).
        environment["Dicom__RequireCalledAeTitle"] = "true";
        var binary = install.Rooted("/opt/xraytriage/xraytriage");
        const string Script = "\"$@\" & child=$!; trap 'kill -TERM $child' TERM; wait $child; wait $child";

        await using var serve = ProcessRunner.Start(
            fakeSystemd, ["-c", Script, "systemd", binary, "serve"], install.Rooted("/var/lib/xraytriage"), environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var (status, body) = await WaitForReadyAsync(http, serve);

        Assert.True(status == HttpStatusCode.OK, $"/health/ready answered {status}: {body}\n{serve.Output}");
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"model\"", body, StringComparison.Ordinal);
        using (var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await WaitForAsync(() => Snapshot(messages).Any(m => m.Contains("READY=1", StringComparison.Ordinal)), "READY=1", serve);

        // The first-run failure docs/operations.md §8 describes, with the messages it quotes, on both sides.
        var echo = await PeerTools.RunAsync(
            "echoscu", ["-aet", "CR_ROOM1", "-aec", "XRAYTRIAGE1", "127.0.0.1", environment["Dicom__Port"]!]);
        Assert.False(echo.Succeeded);
        Assert.Contains("Called AE Title Not Recognized", echo.StandardOutput + echo.StandardError, StringComparison.Ordinal);
        await WaitForAsync(
            () => serve.Output.Contains(
                "ended early: rejected CR_ROOM1: called AE title 'XRAYTRIAGE1' is not this SCP's 'XRAYTRIAGE'", StringComparison.Ordinal),
            "the rejection log line",
            serve);
        await serve.StopAsync(TimeSpan.FromSeconds(60));
        await WaitForAsync(() => Snapshot(messages).Any(m => m.Contains("STOPPING=1", StringComparison.Ordinal)), "STOPPING=1", serve);
        await receiving.CancelAsync();
        await receiver;
        Assert.Equal(0, serve.ExitCode);
    }

    /// <summary>What systemd would give the process: the unit's Environment= lines, then the EnvironmentFile.</summary>
    private Dictionary<string, string?> ServiceEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Triage"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        foreach (var line in File.ReadAllLines(install.Rooted("/etc/systemd/system/xraytriage.service")))
        {
            if (line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                Add(result, line["Environment=".Length..]);
            }
        }

        foreach (var line in File.ReadAllLines(install.Rooted("/etc/xraytriage/xraytriage.env")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                Add(result, line);
            }
        }

        return result;
    }

    private void Add(Dictionary<string, string?> environment, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        var value = assignment[(equals + 1)..];
        // The unit names the final paths; the test's install lives below the temporary root.
        if (value.StartsWith("/var/lib/xraytriage", StringComparison.Ordinal)
            || value.StartsWith("/opt/xraytriage", StringComparison.Ordinal))
        {
            value = install.Rooted(value);
        }

        environment[assignment[..equals]] = value;
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForReadyAsync(HttpClient http, ChildProcess serve)
    {
        var deadline = DateTimeOffset.UtcNow + StartLimit;
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK || DateTimeOffset.UtcNow > deadline)
                {
                    return (response.StatusCode, body);
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            await Task.Delay(250);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, ChildProcess serve)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no {what} on NOTIFY_SOCKET:\n{serve.Output}");
            await Task.Delay(100);
        }
    }

    private static List<string> Snapshot(List<string> messages)
    {
        lock (messages)
        {
            return [.. messages];
        }
    }

    private static async Task ReceiveAsync(Socket socket, List<string> messages, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                lock (messages)
                {
                    messages.Add(Encoding.UTF8.GetString(buffer, 0, count));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
