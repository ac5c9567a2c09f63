using System.Diagnostics.Metrics;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Meter <c>XrayTriage.Reporting</c>: reports delivered, retried and failed per destination, how long an
/// attempt took and how long a report waited from creation (study settled) to stored at the destination.</summary>
internal sealed class ReportingMetrics : IDisposable
{
    public const string MeterName = "XrayTriage.Reporting";

    private readonly Meter _meter;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _attempt;
    private readonly Histogram<double> _settledToStored;

    public ReportingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _delivered = _meter.CreateCounter<long>("xraytriage.reports.delivered", "{report}", "Reports stored at a destination.");
        _retried = _meter.CreateCounter<long>(
            "xraytriage.reports.retried", "{attempt}", "Delivery attempts that failed transiently and were rescheduled.");
        _failed = _meter.CreateCounter<long>(
            "xraytriage.reports.failed", "{report}", "Reports given up for a destination (permanent refusal or attempts exhausted).");
        _attempt = _meter.CreateHistogram<double>(
            "xraytriage.reports.attempt.duration", "s", "One successful delivery attempt: connect, store SR and images, release.");
        _settledToStored = _meter.CreateHistogram<double>(
            "xraytriage.reports.latency", "s", "From the report's creation (study settled) to stored at the destination.");
    }

    public void Delivered(string destination, TimeSpan attempt, TimeSpan sinceCreated)
    {
        var tag = new KeyValuePair<string, object?>("destination", destination);
        _delivered.Add(1, tag);
        _attempt.Record(attempt.TotalSeconds, tag);
        _settledToStored.Record(sinceCreated.TotalSeconds, tag);
    }

    public void Retried(string destination) => _retried.Add(1, new KeyValuePair<string, object?>("destination", destination));

    public void Failed(string destination, string kind) => _failed.Add(1,
        new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => _meter.Dispose();
}
