using System.Diagnostics;
using System.Globalization;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>Issue 20 item 4, crash semantics of streaming into the spool: serve killed (SIGKILL) while a large instance
/// streams in leaves its bytes only under <c>.incoming</c> — no final spool file, no database row, nothing acknowledged —
/// and the next start deletes them.</summary>
public sealed class SpoolCrashTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Serve_KilledMidInstance_NothingFinalNorRecordedAndNextStartDeletesThePartialFile()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var spool = Directory.CreateTempSubdirectory("xraytriage-crash-").FullName;
        var incoming = Path.Combine(spool, ".incoming");
        // 64 MB of 16-bit pixels in 4 KiB PDUs: the transfer takes long enough to be caught in the middle.
        var large = await PydicomFile.CreateAsync(PydicomFile.Preamble + """
            ds = new_dataset("1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.1.2.1")
            ds.Modality = "DX"
            ds.BodyPartExamined = "HAND"
            ds.SamplesPerPixel = 1
            ds.PhotometricInterpretation = "MONOCHROME2"
            ds.Rows = 4096
            ds.Columns = 8192
            ds.BitsAllocated = 16
            ds.BitsStored = 12
            ds.HighBit = 11
            ds.PixelRepresentation = 0
            ds.PixelData = bytes(4096 * 8192 * 2)
            save(ds)
            """);
        try
        {
            var dicomPort = FreePort.Next();
            string[] arguments =
            [
                "serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
                "--Dicom:MinFreeDiskBytes=1", "--Dicom:MaxPduLength=4096", $"--Models:Path={XrayTriageExecutable.ModelsPath}",
            ];
            var environment = new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString };
            await using (var serve = XrayTriageExecutable.Start(arguments, environment))
            {
                await serve.WaitForOutputAsync(o => o.Contains("Ingest listening", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
                var send = PeerTools.RunAsync("storescu",
                    ["-aet", "MODALITY", "-aec", "XRAYTRIAGE", "127.0.0.1", dicomPort.ToString(CultureInfo.InvariantCulture), large],
                    TimeSpan.FromMinutes(3));

                await WaitUntilAsync(() => PartialBytes(incoming) > 1_000_000 || send.IsCompleted);
                Assert.False(send.IsCompleted, "the transfer ended before serve could be killed in its middle");
                using (var process = Process.GetProcessById(serve.Id))
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                }

                await send; // storescu reports the broken association; its exit code is DCMTK's business.
            }

            Assert.Single(Directory.GetFiles(incoming));
            Assert.Empty(Directory.EnumerateFiles(spool, "*.dcm", SearchOption.AllDirectories));
            Assert.Equal(0L, await CountInstancesAsync(connectionString));

            await using (var restarted = XrayTriageExecutable.Start(arguments, environment))
            {
                await restarted.WaitForOutputAsync(o => o.Contains("Ingest listening", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
                Assert.Empty(Directory.GetFiles(incoming));
                Assert.Contains("Deleted 1 incomplete spool file(s)", restarted.Output, StringComparison.Ordinal);
                await restarted.StopAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            File.Delete(large);
            Directory.Delete(spool, recursive: true);
        }
    }

    private static long PartialBytes(string incoming)
        => Directory.Exists(incoming) ? Directory.GetFiles(incoming).Sum(f => new FileInfo(f).Length) : 0;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private static async Task<long> CountInstancesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM triage.instances", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
