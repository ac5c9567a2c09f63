using System.Diagnostics.Metrics;
using System.Globalization;
using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Ingest;

/// <summary>
/// Meter <c>XrayTriage.Ingest</c>: instances received (new rows, eligible or skipped), skipped (by eligibility reason),
/// duplicates, refused (by DIMSE status), associations accepted and rejected (by reason), in progress and their limit,
/// the C-STORE handling time (last data set fragment received → spool fsync and rename + database → status returned;
/// the network transfer, during which the data set is written to the spool file, is not included) and the spool's free
/// bytes. Tag values come from small fixed sets (enum names, status codes), never AE titles or UIDs, so the series count
/// stays bounded.
/// </summary>
internal sealed class IngestMetrics
{
    public const string MeterName = "XrayTriage.Ingest";

    /// <summary>The <c>reason</c> of an association the spool-disk gate rejected.</summary>
    public const string SpoolDiskLowReason = "SpoolDiskLow";

    /// <summary>Seconds, from a fast local commit (milliseconds) to a database timeout; the exporter's default buckets
    /// (0, 5, 10, 25 … 10000) are meant for milliseconds and would put every C-STORE in the first one.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _received;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _storeDuration;

    public IngestMetrics(IMeterFactory meterFactory, SpoolCapacity capacity, AssociationLoad load)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("xraytriage.ingest.instances.received", "{instance}",
            "Instances spooled and recorded as new rows (eligible or skipped); duplicates and refusals not included.");
        _skipped = meter.CreateCounter<long>("xraytriage.ingest.instances.skipped", "{instance}",
            "Received instances recorded as skipped, tagged with the eligibility reason.");
        _duplicates = meter.CreateCounter<long>("xraytriage.ingest.instances.duplicates", "{instance}",
            "C-STOREs of a SOP Instance UID already recorded; acknowledged, not triaged again.");
        _refused = meter.CreateCounter<long>("xraytriage.ingest.instances.refused", "{instance}",
            "C-STOREs answered with a failure status, tagged with it (0xA700 out of resources, 0xC000, 0xA900, 0x0110).");
        _accepted = meter.CreateCounter<long>("xraytriage.ingest.associations.accepted", "{association}",
            "Associations accepted by the ingest SCP.");
        _rejected = meter.CreateCounter<long>("xraytriage.ingest.associations.rejected", "{association}",
            "A-ASSOCIATE-RQs rejected, tagged with the reason (SpoolDiskLow, CallingAeTitleNotRecognized, LocalLimitExceeded, ...).");
        _storeDuration = meter.CreateHistogram<double>("xraytriage.ingest.store.duration", "s",
            "C-STORE handling from the data set's last fragment: spool file fsynced and renamed → database row committed → " +
            "status returned; tagged with the status.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge("xraytriage.ingest.spool.free", () => ObserveFree(capacity), "By",
            "Free bytes on the spool's file system (new associations are rejected below Dicom:MinFreeDiskBytes).");
        meter.CreateObservableGauge("xraytriage.ingest.associations.active", () => load.Active, "{association}",
            "Associations in progress; at xraytriage.ingest.associations.limit new ones are rejected (local limit exceeded).");
        meter.CreateObservableGauge("xraytriage.ingest.associations.limit", () => load.Capacity, "{association}",
            "Dicom:MaxAssociations, the most associations the listener serves at once.");
    }

    public void Received() => _received.Add(1);

    public void Skipped(string reason) => _skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Duplicate() => _duplicates.Add(1);

    public void StoreHandled(DimseStatus status, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("status", Code(status));
        if (status.Category == DimseStatusCategory.Failure)
        {
            _refused.Add(1, tag);
        }

        _storeDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void AssociationAccepted() => _accepted.Add(1);

    public void AssociationRejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static string Code(DimseStatus status) => "0x" + status.Code.ToString("X4", CultureInfo.InvariantCulture);

    private static IEnumerable<Measurement<long>> ObserveFree(SpoolCapacity capacity)
    {
        long free;
        try
        {
            free = capacity.Measure().FreeBytes;
        }
        catch (IOException)
        {
            return [];
        }

        return [new Measurement<long>(free)];
    }
}
