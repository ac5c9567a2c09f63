using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Persistence;

namespace XrayTriage.Ingest;

/// <summary>
/// Runs the C-STORE/C-ECHO SCP with <see cref="IngestStoreHandler"/>. Starting binds the port (a port in use fails
/// start-up, not later); stopping refuses new associations, lets in-flight ones finish for
/// <see cref="IngestOptions.StopGracePeriod"/> or until the host's shutdown token fires, then releases the port.
/// The service (a DI singleton) holds the listener for its whole life (a listener only a closure refers to can be
/// collected).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The listener is disposed by StopAsync, where the host ends it; an IAsyncDisposable-only singleton would break a synchronous container Dispose.")]
public sealed class IngestService : IHostedService
{
    private readonly IngestOptions _options;
    private readonly InstanceSpool _spool;
    private readonly TriageWorkStore _store;
    private readonly IngestAudit _audit;
    private readonly SpoolCapacity _capacity;
    private readonly IngestMetrics _metrics;
    private readonly AssociationAudit _associationAudit;
    private readonly AssociationLoad _load;
    private readonly EligibilityOptions _eligibility;
    private readonly TimeProvider _timeProvider;
    private readonly ITriageSignal? _triageSignal;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private DicomScp? _scp;

    internal IngestService(
        IOptions<IngestOptions> options,
        InstanceSpool spool,
        TriageWorkStore store,
        IngestAudit audit,
        SpoolCapacity capacity,
        IngestMetrics metrics,
        AssociationAudit associationAudit,
        AssociationLoad load,
        EligibilityOptions eligibility,
        TimeProvider timeProvider,
        ITriageSignal? triageSignal,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _spool = spool;
        _store = store;
        _audit = audit;
        _capacity = capacity;
        _metrics = metrics;
        _associationAudit = associationAudit;
        _load = load;
        _eligibility = eligibility;
        _timeProvider = timeProvider;
        _triageSignal = triageSignal;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<IngestService>();
    }

    /// <summary>The bound address and port once started.</summary>
    public IPEndPoint? LocalEndPoint => _scp?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _spool.EnsureCreated();
        var deleted = _spool.DeleteIncomplete();
        if (deleted > 0)
        {
            Log.IncompleteDeleted(_logger, deleted);
        }

        var handler = new IngestStoreHandler(
            _spool, _store, _audit, _eligibility, _capacity, _metrics, _timeProvider, _loggerFactory.CreateLogger<IngestStoreHandler>(), _triageSignal);
        var gate = new SpoolDiskGate(_capacity, _loggerFactory.CreateLogger<SpoolDiskGate>());
        var scp = new DicomScp(DicomScpOptionsFactory.Create(_options, _spool, gate), handler, _timeProvider, _loggerFactory.CreateLogger<DicomScp>());
        _associationAudit.Attach(scp);
        scp.Start();
        _scp = scp;
        _load.Attach(scp);
        Log.Listening(_logger, _options.AeTitle, _scp.LocalEndPoint.ToString(), _spool.Root, _options.MinFreeDiskBytes);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _scp, null) is not { } scp)
        {
            return;
        }

        _load.Attach(null);
        using var grace = new CancellationTokenSource(_options.StopGracePeriod, _timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
        await scp.StopAsync(stop.Token);
        await scp.DisposeAsync();
        try
        {
            await _associationAudit.DrainAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The grace period ended with association audit rows still waiting for the database; they are lost, as logged.
        }

        Log.Stopped(_logger);
    }
}
