using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// Runs the C-STORE/C-ECHO SCP with <see cref="IngestStoreHandler"/>. Starting binds the port (a port in use fails
/// start-up, not later); stopping refuses new associations, lets in-flight ones finish for
/// <see cref="IngestOptions.StopGracePeriod"/> or until the host's shutdown token fires, then releases the port.
/// The service (a DI singleton) holds the listener for its whole life (a listener only a closure refers to can be
/// collected).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The listener is disposed by StopAsync, where the host ends it; " +
    "an IAsyncDisposable-only singleton would break a synchronous container Dispose.")]
internal sealed class IngestService(
    IOptions<IngestOptions> options,
    InstanceSpool spool,
    IngestStoreHandler handler,
    SpoolDiskGate gate,
    AssociationAudit associationAudit,
    AssociationLoad load,
    TimeProvider timeProvider,
    ILogger<DicomScp> scpLogger,
    ILogger<IngestService> logger) : IHostedService
{
    private readonly IngestOptions _options = options.Value;
    private DicomScp? _scp;

    /// <summary>The bound address and port once started.</summary>
    public IPEndPoint? LocalEndPoint => _scp?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        spool.EnsureCreated();
        var deleted = spool.DeleteIncomplete();
        if (deleted > 0)
        {
            Log.IncompleteDeleted(logger, deleted);
        }

        var scp = new DicomScp(DicomScpOptionsFactory.Create(_options, spool, gate), handler, timeProvider, scpLogger);
        associationAudit.Attach(scp);
        scp.Start();
        _scp = scp;
        load.Attach(scp);
        Log.Listening(logger, _options.AeTitle, _scp.LocalEndPoint.ToString(), spool.Root, _options.MinFreeDiskBytes);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _scp, null) is not { } scp)
        {
            return;
        }

        load.Attach(null);
        using var grace = new CancellationTokenSource(_options.StopGracePeriod, timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
        await scp.StopAsync(stop.Token);
        await scp.DisposeAsync();
        try
        {
            await associationAudit.DrainAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The grace period ended with association audit rows still waiting for the database; they are lost, as logged.
        }

        Log.Stopped(logger);
    }
}
