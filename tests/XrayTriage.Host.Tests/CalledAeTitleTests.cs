using System.Globalization;
using System.Net;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>issue 19 item 2: by default serve accepts any called AE title (our own <c>send</c> and DCMTK's tools call
/// <c>ANY-SCP</c>) and logs the one a peer used; <c>Dicom:RequireCalledAeTitle</c> makes it strict.</summary>
public sealed class CalledAeTitleTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Send_WithDefaultCalledAeTitle_StoredAndCalledAeTitleLogged()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var spool = Directory.CreateTempSubdirectory("xraytriage-spool-").FullName;
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var chest = Path.Combine(RepositoryPaths.DicomSamples, "chest");
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
            await WaitReadyAsync(httpPort, serve);

            var send = await XrayTriageExecutable.RunAsync(
                ["send", "127.0.0.1", dicomPort.ToString(CultureInfo.InvariantCulture), chest],
                timeout: Limit);

            send.EnsureSuccess("xraytriage send with its default called AE title");
            var files = Directory.GetFiles(chest).Length;
            Assert.Contains($"Stored {files} of {files} instances", send.StandardOutput, StringComparison.Ordinal);
            await serve.WaitForOutputAsync(
                o => o.Contains(
                    "called AE title ANY-SCP, not ours (XRAYTRIAGE); accepted because Dicom:RequireCalledAeTitle is off",
                    StringComparison.Ordinal),
                Limit);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task Echoscu_OtherCalledAeTitleWhenRequired_Rejected()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var spool = Directory.CreateTempSubdirectory("xraytriage-spool-").FullName;
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", "--Dicom:RequireCalledAeTitle=true", $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
            await WaitReadyAsync(httpPort, serve);
            var port = dicomPort.ToString(CultureInfo.InvariantCulture);

            var other = await PeerTools.RunAsync("echoscu", ["-aet", "MODALITY", "127.0.0.1", port], Limit);
            var ours = await PeerTools.RunAsync("echoscu", ["-aet", "MODALITY", "-aec", "XRAYTRIAGE", "127.0.0.1", port], Limit);

            Assert.False(other.Succeeded);
            Assert.Contains("Called AE Title Not Recognized", other.StandardOutput + other.StandardError, StringComparison.Ordinal);
            ours.EnsureSuccess("echoscu calling XRAYTRIAGE");
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static async Task WaitReadyAsync(int httpPort, ChildProcess serve)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        using var deadline = new CancellationTokenSource(Limit);
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }
}
