using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>The <c>XrayTriage.Ingest</c> meter after real C-STOREs from DCMTK and our SCU.</summary>
[Collection(SharedPostgres.Name)]
public sealed class IngestMetricsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Meter_AfterStoresDuplicatesRefusalsAndRejections_CountsEach()
    {
        await using var ingest = await IngestHost.StartAsync(
            postgres, new Dictionary<string, string?> { ["Dicom:AllowedCallingAeTitles:0"] = IngestHost.CallingAeTitle });
        var measurements = new ConcurrentQueue<(string Name, double Value, string? Tag)>();
        var factory = ingest.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests' hosts in the same process publish the same names.
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, FirstTag(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, FirstTag(tags))));
        listener.Start();

        // Six chest samples (two Secondary Captures, skipped by default), one of them again, a stranger, the disk "full"
        // for a new association, then full during one.
        var chest = Samples.AllChest;
        (await ingest.DcmsendAsync(chest)).EnsureSuccess("dcmsend");
        (await ingest.DcmsendAsync(Samples.UncompressedChest)).EnsureSuccess("dcmsend of a duplicate");
        var stranger = await PeerTools.RunAsync("echoscu",
            ["-aet", "STRANGER", "-aec", IngestHost.AeTitle, "127.0.0.1", ingest.Port.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(30));
        var capacity = ingest.Services.GetRequiredService<SpoolCapacity>();
        var watermark = capacity.MinFreeDiskBytes;
        capacity.MinFreeDiskBytes = long.MaxValue;
        var full = await ingest.StorescuAsync(Samples.Extremity);
        capacity.MinFreeDiskBytes = watermark;
        var file = DicomFile.Open(Samples.Extremity);
        await using (var scu = await DicomScu.ConnectAsync(
            new DicomScuOptions
            {
                Host = "127.0.0.1", Port = ingest.Port, CallingAeTitle = IngestHost.CallingAeTitle, CalledAeTitle = IngestHost.AeTitle,
            },
            DicomScu.ProposeContexts([file]), null, CancellationToken.None))
        {
            capacity.MinFreeDiskBytes = long.MaxValue;
            Assert.Equal(DimseStatus.OutOfResources.Code, (await scu.StoreAsync(file, CancellationToken.None)).Status.Code);
            capacity.MinFreeDiskBytes = watermark;
            await scu.ReleaseAsync(CancellationToken.None);
        }

        listener.RecordObservableInstruments();

        Assert.False(stranger.Succeeded);
        Assert.False(full.Succeeded);
        Assert.Equal(6, Sum(measurements, "xraytriage.ingest.instances.received"));
        Assert.Equal(2, Sum(measurements, "xraytriage.ingest.instances.skipped", "SecondaryCaptureDisabled"));
        Assert.Equal(2, Sum(measurements, "xraytriage.ingest.instances.skipped"));
        Assert.Equal(1, Sum(measurements, "xraytriage.ingest.instances.duplicates"));
        Assert.Equal(1, Sum(measurements, "xraytriage.ingest.instances.refused", "0xA700"));
        Assert.Equal(1, Sum(measurements, "xraytriage.ingest.instances.refused"));
        Assert.Equal(3, Sum(measurements, "xraytriage.ingest.associations.accepted"));
        Assert.Equal(1, Sum(measurements, "xraytriage.ingest.associations.rejected", "CallingAeTitleNotRecognized"));
        Assert.Equal(1, Sum(measurements, "xraytriage.ingest.associations.rejected", IngestMetrics.SpoolDiskLowReason));
        var durations = measurements.Where(m => m.Name == "xraytriage.ingest.store.duration").ToList();
        Assert.Equal(8, durations.Count);
        Assert.Equal(7, durations.Count(m => m.Tag == "0x0000"));
        Assert.All(durations, m => Assert.InRange(m.Value, 1e-6, 60));
        var free = Assert.Single(measurements, m => m.Name == "xraytriage.ingest.spool.free");
        Assert.InRange(free.Value, 1, new DriveInfo(ingest.SpoolPath).TotalSize);
    }

    private static double Sum(IEnumerable<(string Name, double Value, string? Tag)> measurements, string name, string? tag = null)
        => measurements.Where(m => m.Name == name && (tag is null || m.Tag == tag)).Sum(m => m.Value);

    private static string? FirstTag(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length == 0 ? null : tags[0].Value as string;
}
