namespace XrayTriage.Reporting.Delivery;

/// <summary>
/// Builds each report's objects once for all destinations. A report version is the same for every destination (the
/// builder is deterministic), so the destination loops that take it at about the same time share one build: the first
/// starts it, the others await it. An entry lives until every destination has taken it, or <see cref="Idle"/> after it
/// was made (a destination that is paused or down builds its own later), and at most <see cref="MaxEntries"/> live at
/// once, so the cache holds a few reports in memory, never a backlog. A build that fails is not kept.
/// </summary>
internal sealed class SharedReportPackages(ReportPackageBuilder builder, DestinationCatalog catalog, TimeProvider timeProvider)
{
    public const int MaxEntries = 8;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Entry> _entries = [];
    private long _built;

    /// <summary>Builds started since start-up.</summary>
    public long Built => Interlocked.Read(ref _built);

    /// <exception cref="DeliveryException">As <see cref="ReportPackageBuilder.BuildAsync"/>.</exception>
    public async Task<ReportPackage> GetAsync(long reportId, CancellationToken cancellationToken)
    {
        if (catalog.Destinations.Count < 2)
        {
            Interlocked.Increment(ref _built);
            return await builder.BuildAsync(reportId, cancellationToken);
        }

        Entry entry;
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Prune(now);
            if (!_entries.TryGetValue(reportId, out entry!))
            {
                Interlocked.Increment(ref _built);
                entry = new Entry(builder.BuildAsync(reportId, cancellationToken), catalog.Destinations.Count, now);
                _entries.Add(reportId, entry);
            }

            if (--entry.Takers == 0)
            {
                _entries.Remove(reportId);
            }
        }

        try
        {
            return await entry.Package;
        }
        catch
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(reportId, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(reportId);
                }
            }

            throw;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries.Where(e => now - e.Value.CreatedAt >= Idle).ToList())
        {
            _entries.Remove(id);
        }

        while (_entries.Count >= MaxEntries)
        {
            _entries.Remove(_entries.MinBy(e => e.Value.CreatedAt).Key);
        }
    }

    private sealed class Entry(Task<ReportPackage> package, int takers, DateTimeOffset createdAt)
    {
        public Task<ReportPackage> Package { get; } = package;

        public int Takers { get; set; } = takers;

        public DateTimeOffset CreatedAt { get; } = createdAt;
    }
}
