using System.Diagnostics;
using System.Globalization;
using System.Net;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>One <c>xraytriage serve</c> child process on free ports, a given database and spool folder.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    public const string AeTitle = "XRAYTRIAGE";

    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private ServeProcess(ChildProcess process, int httpPort, int dicomPort)
    {
        _process = process;
        DicomPort = dicomPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int DicomPort { get; }

    public int ProcessId => _process.Id;

    public string Output => _process.Output;

    /// <summary>Starts serve and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="connectionString">The database (migrated).</param>
    /// <param name="spool">The spool folder; shared by processes that share the database.</param>
    /// <param name="leaseTimeout">Short, so that claims of a killed process are taken over within the test.</param>
    /// <param name="settings">Further <c>--Section:Key=value</c> settings (report destinations, quiet period, …).</param>
    public static async Task<ServeProcess> StartAsync(
        string connectionString, string spool, TimeSpan leaseTimeout, IEnumerable<string>? settings = null)
    {
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var child = XrayTriageExecutable.Start(
            ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
             "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}",
             $"--Triage:LeaseTimeout={leaseTimeout.ToString("c", CultureInfo.InvariantCulture)}", .. settings ?? []],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
        var serve = new ServeProcess(child, httpPort, dicomPort);
        try
        {
            await Wait.UntilAsync(
                async () => await serve.ReadyStatusAsync() == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90),
                () => Task.FromResult($"serve not ready:\n{child.Output}"),
                () => child.HasExited ? $"serve exited early:\n{child.Output}" : null);
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }

        return serve;
    }

    /// <summary>The status of <c>/health/ready</c>, or null when nothing answers.</summary>
    public async Task<HttpStatusCode?> ReadyStatusAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no graceful stop, no flush — a power cut for the process.</summary>
    public async Task KillAsync()
    {
        using (var process = Process.GetProcessById(_process.Id))
        {
            process.Kill();
        }

        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM: the graceful stop a service manager sends.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
