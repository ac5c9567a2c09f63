using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XrayTriage.Core;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>A spool disk that fills during a transfer, for real (a tmpfs of 8 MiB), not simulated: the instance that did
/// not fit is answered A700 (the modality keeps it and sends again later), nothing of it is left on the disk or in the
/// database, the refusal is logged and audited without PHI, and the listener goes on storing what fits.</summary>
[Collection(SharedPostgres.Name)]
public sealed class SpoolDiskFullTests(PostgresFixture postgres)
{
    private const long FileSystemBytes = 8L << 20;

    [Fact]
    public async Task Store_SpoolDiskFillsMidInstance_A700NothingLeftAndTheNextInstanceIsStored()
    {
        await using var disk = await TmpfsMount.CreateAsync(FileSystemBytes);
        var spool = Path.Combine(disk.Path, "spool");
        var logs = new RecordingLoggerProvider();
        // The watermark (1 MiB) lets the large instance start: the disk fills while it is being written.
        await using var ingest = await IngestHost.StartAsync(
            postgres,
            new Dictionary<string, string?> { ["Dicom:SpoolPath"] = spool, ["Dicom:MinFreeDiskBytes"] = "1048576" },
            services: s => s.AddLogging(b => b.AddProvider(logs)));
        var freeBefore = disk.FreeBytes;
        var (largeUid, large) = IngestStreamingTests.LargeDataSet(2048, 2048); // 8 MiB of pixels: cannot fit
        var (smallUid, small) = IngestStreamingTests.LargeDataSet(512, 512);

        CStoreResponse refused;
        CStoreResponse stored;
        await using (var scu = await IngestStreamingTests.ConnectAsync(ingest))
        {
            refused = await Store(scu, largeUid, large);
            stored = await Store(scu, smallUid, small);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        Assert.Equal(DimseStatus.OutOfResources, refused.Status);
        Assert.Equal(DimseStatus.Success, stored.Status);

        var row = Assert.Single(await ingest.QueryAsync("SELECT sop_instance_uid, spool_path, size_bytes FROM triage.instances"));
        Assert.Equal(smallUid, (string)row["sop_instance_uid"]!);
        var files = Directory.EnumerateFiles(spool, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal([(string)row["spool_path"]!], files);
        Assert.Equal((long)row["size_bytes"]!, new FileInfo(files[0]).Length);
        // The partial file is gone: the disk has its space back but for the stored instance.
        Assert.True(
            disk.FreeBytes >= freeBefore - (long)row["size_bytes"]! - (1L << 20),
            $"free {disk.FreeBytes} of {freeBefore} bytes after storing {row["size_bytes"]} bytes: a partial file was left");

        var entry = Assert.Single(logs.Entries, e => e.EventId == EventIdRanges.Ingest + 21);
        Assert.Contains("A700", entry.Message, StringComparison.Ordinal);
        Assert.Contains(IngestHost.CallingAeTitle, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(largeUid, StringComparison.Ordinal)
            || e.Message.Contains("STREAM-TEST", StringComparison.Ordinal));
        Assert.Equal(1, await ingest.CountAsync(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'DicomInstancesTransferred' "
            + "AND outcome = 'SeriousFailure' AND detail LIKE '%the spool could not be written (IOException)'"));
    }

    private static Task<CStoreResponse> Store(Dicom.Network.Services.DicomScu scu, string uid, byte[] dataSet)
        => scu.StoreAsync(
            IngestStreamingTests.CrImage, uid, IngestStreamingTests.ExplicitLittle, new MemoryStream(dataSet), CancellationToken.None);
}
