using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;

namespace XrayTriage.Triage;

/// <summary>Meter <c>XrayTriage.Triage</c>: instances triaged and failed, latency from claim and from receipt to the
/// committed findings, and the queue depth per instance state. The depth is counted in the database, which the gauge
/// asks at most once per <see cref="QueueDepthMaxAge"/>; a scrape in between gets the last counts.</summary>
internal sealed class TriageMetrics
{
    public const string MeterName = "XrayTriage.Triage";

    public static readonly TimeSpan QueueDepthMaxAge = TimeSpan.FromSeconds(5);

    private readonly TriageWorkStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Counter<long> _triaged;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _notAssessable;
    private readonly Histogram<double> _claimToComplete;
    private readonly Histogram<double> _receivedToComplete;
    private readonly Histogram<double> _stage;
    private IReadOnlyDictionary<InstanceState, int> _depth = new Dictionary<InstanceState, int>();
    private long _depthRefreshedAt = long.MinValue;
    private int _refreshing;

    public TriageMetrics(IMeterFactory meterFactory, TriageWorkStore store, TimeProvider timeProvider, ILogger<TriageMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _triaged = meter.CreateCounter<long>("xraytriage.triage.instances.triaged", "{instance}",
            "Instances whose findings were committed.");
        _failed = meter.CreateCounter<long>("xraytriage.triage.instances.failed", "{instance}",
            "Failed triage attempts; tag final=true when the instance failed for good.");
        _notAssessable = meter.CreateCounter<long>("xraytriage.triage.not_assessable", "{instance}",
            "Instances the content gate gave no class (they passed the header rules); tag reason = NotChestRadiograph or BlankImage.");
        _claimToComplete = meter.CreateHistogram<double>("xraytriage.triage.claim_to_complete.duration", "s",
            "From claiming an instance to its findings committed: spool read, decode, preprocessing, inference, commit.");
        _receivedToComplete = meter.CreateHistogram<double>("xraytriage.triage.received_to_complete.duration", "s",
            "From ingest receiving an instance to its findings committed.");
        _stage = meter.CreateHistogram<double>("xraytriage.triage.stage.duration", "s",
            "Time of one instance in one stage; tag stage = claim (per claimed instance), read (spool file + SHA-256), decode "
            + "(parse + grayscale render), prepare (blank check + member tensors), inference (wait for and run its micro-batch), "
            + "record (findings committed).");
        meter.CreateObservableGauge("xraytriage.triage.queue.depth", ObserveDepth, "{instance}",
            "Instances per state (Received = waiting, Processing = claimed) in the shared database.");
    }

    public void Triaged(TimeSpan claimToComplete, TimeSpan? receivedToComplete)
    {
        _triaged.Add(1);
        _claimToComplete.Record(claimToComplete.TotalSeconds);
        if (receivedToComplete is { } received)
        {
            _receivedToComplete.Record(received.TotalSeconds);
        }
    }

    /// <summary>Where one instance's time went; <paramref name="stage"/> is one of <see cref="TriageStage"/>'s names.</summary>
    public void Stage(string stage, TimeSpan elapsed)
        => _stage.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public void NotAssessable(NotAssessableReason reason)
        => _notAssessable.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Failed(bool final) => _failed.Add(1, new KeyValuePair<string, object?>("final", final));

    private IEnumerable<Measurement<int>> ObserveDepth()
    {
        var refreshedAt = Interlocked.Read(ref _depthRefreshedAt);
        if ((refreshedAt == long.MinValue || _timeProvider.GetElapsedTime(refreshedAt) >= QueueDepthMaxAge)
            && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _depthRefreshedAt, _timeProvider.GetTimestamp());
            _ = Task.Run(RefreshDepthAsync);
        }

        var depth = Volatile.Read(ref _depth);
        return depth.Count == 0
            ? []
            : Enum.GetValues<InstanceState>().Select(s => new Measurement<int>(
                depth.GetValueOrDefault(s), new KeyValuePair<string, object?>("state", s.ToString())));
    }

    private async Task RefreshDepthAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(QueueDepthMaxAge, _timeProvider);
            Volatile.Write(ref _depth, await _store.CountByStateAsync(timeout.Token));
        }
#pragma warning disable CA1031 // A metric must never break the scrape; the next one tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.QueueDepthFailed(_logger, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
