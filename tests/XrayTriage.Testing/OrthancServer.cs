using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XrayTriage.Testing;

/// <summary>
/// A real Orthanc (Debian package) as a demo PACS: its own temporary configuration and storage, free
/// DICOM and HTTP ports, REST on 127.0.0.1 only, no plugins. Stopped by SIGTERM, then by PID.
/// </summary>
public sealed class OrthancServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _configPath;
    private ChildProcess _process;

    private OrthancServer(string directory, string configPath, ChildProcess process, int dicomPort, int httpPort, string aeTitle)
    {
        _directory = directory;
        _configPath = configPath;
        _process = process;
        DicomPort = dicomPort;
        HttpPort = httpPort;
        AeTitle = aeTitle;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int DicomPort { get; }

    public int HttpPort { get; }

    public string AeTitle { get; }

    /// <summary>REST client for Orthanc's API (<c>/instances</c>, <c>/modalities/{id}/store</c>, <c>/tools/find</c>).</summary>
    public HttpClient Http { get; }

    /// <summary>Everything Orthanc logged so far.</summary>
    public string Output => _process.Output;

    /// <param name="aeTitle">Orthanc's own AE title.</param>
    /// <param name="modalities">Peers Orthanc knows (name → AE title, port on 127.0.0.1), e.g. our SCP so that
    /// Orthanc can send to it.</param>
    /// <param name="cancellationToken">Cancels the start-up wait.</param>
    public static async Task<OrthancServer> StartAsync(
        string aeTitle = "ORTHANC",
        IReadOnlyDictionary<string, (string AeTitle, int Port)>? modalities = null,
        CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("xraytriage-orthanc-").FullName;
        var dicomPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var knownModalities = new JsonObject();
        foreach (var (name, peer) in modalities ?? new Dictionary<string, (string, int)>())
        {
            knownModalities[name] = new JsonArray(peer.AeTitle, "127.0.0.1", peer.Port);
        }

        var configuration = new JsonObject
        {
            ["Name"] = "xraytriage-test-pacs",
            ["StorageDirectory"] = Path.Combine(directory, "storage"),
            ["IndexDirectory"] = Path.Combine(directory, "index"),
            [nameof(HttpPort)] = httpPort,
            [nameof(DicomPort)] = dicomPort,
            ["DicomAet"] = aeTitle,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = new JsonArray(),
            ["DicomModalities"] = knownModalities,
            ["DicomAlwaysAllowEcho"] = true,
            ["DicomAlwaysAllowStore"] = true,
            ["DicomCheckCalledAet"] = true,
            ["StableAge"] = 2,
            ["ConcurrentJobs"] = 1,
        };
        var configPath = Path.Combine(directory, "orthanc.json");
        await File.WriteAllTextAsync(
            configPath, configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);

        var process = ProcessRunner.Start(PeerTools.Require("Orthanc"), [configPath], directory);
        var server = new OrthancServer(directory, configPath, process, dicomPort, httpPort, aeTitle);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>SOP Instance UIDs of every instance Orthanc holds.</summary>
    public async Task<IReadOnlyList<string>> GetSopInstanceUidsAsync(CancellationToken cancellationToken = default)
    {
        var ids = await Http.GetFromJsonAsync<List<string>>("/instances", cancellationToken) ?? [];
        var result = new List<string>();
        foreach (var id in ids)
        {
            var tags = await Http.GetFromJsonAsync<JsonObject>($"/instances/{id}/simplified-tags", cancellationToken);
            result.Add((string?)tags?["SOPInstanceUID"] ?? "");
        }

        return result;
    }

    /// <summary>Stops the server (a PACS outage); its storage, configuration and ports are kept for <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    /// <summary>Starts the server again on the same ports with the same storage, after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("Orthanc is still running; stop it first.");
        }

        await _process.DisposeAsync();
        _process = ProcessRunner.Start(PeerTools.Require("Orthanc"), [_configPath], _directory);
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the server is already stopped.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeSpan.FromSeconds(60);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited {_process.ExitCode} at start-up:\n{_process.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/system", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < deadline)
            {
            }

            if (waited.Elapsed > deadline)
            {
                throw new TimeoutException($"Orthanc did not answer on 127.0.0.1:{HttpPort} within {deadline}:\n{_process.Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
