using System.Globalization;
using System.Net;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>A second <c>xraytriage serve</c> on the shared fixture's database, with settings of its own (for limits the
/// shared server must not have); its own ports and spool, stopped and removed at dispose.</summary>
public sealed class ExtraServe : IAsyncDisposable
{
    private readonly ChildProcess _serve;
    private readonly string _spool;

    private ExtraServe(ChildProcess serve, string spool, int httpPort, int dicomPort)
    {
        (_serve, _spool, DicomPort) = (serve, spool, dicomPort);
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri BaseAddress { get; }

    public int DicomPort { get; }

    /// <summary>The serve process's id, for its memory (<see cref="ProcessMemory"/>).</summary>
    public int ProcessId => _serve.Id;

    public string Output => _serve.Output;

    /// <summary>Waits until the output holds <paramref name="text"/> (the console logger writes on its own thread).</summary>
    public Task WaitForOutputAsync(string text)
        => _serve.WaitForOutputAsync(o => o.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

    public static async Task<ExtraServe> StartAsync(WebServer server, params string[] settings)
    {
        var spool = Directory.CreateTempSubdirectory("xraytriage-web-extra-spool-").FullName;
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var serve = XrayTriageExecutable.Start(
            ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
             "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}", .. settings],
            server.Environment());
        var extra = new ExtraServe(serve, spool, httpPort, dicomPort);
        using var http = new HttpClient { BaseAddress = extra.BaseAddress };
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return extra;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"serve not ready:\n{serve.Output}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _serve.DisposeAsync();
        Directory.Delete(_spool, recursive: true);
    }
}
