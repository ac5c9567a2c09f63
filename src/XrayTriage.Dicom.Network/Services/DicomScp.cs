using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>A verification and storage SCP: an accept loop with one task per association.</summary>
/// <remarks>
/// PS3.8 §9.1 (transport) and PS3.4 Annex A/B. Only accepted associations take one of the
/// <see cref="DicomScpOptions.MaxAssociations"/> slots (and at most <see cref="DicomScpOptions.MaxAssociationsPerPeer"/> of them
/// per calling AE title and source address), so half-open connections (bounded by ARTIM and by
/// <see cref="DicomScpOptions.MaxPendingConnections"/>) cannot starve legitimate peers; a request beyond the
/// limit is rejected transiently with "local limit exceeded" rather than left hanging.
/// Stopping refuses new connections and lets in-flight associations finish until the stop token fires.
/// </remarks>
public sealed class DicomScp : IAsyncDisposable
{
    private readonly DicomScpOptions _options;
    private readonly IStoreHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<int, Task> _associations = new();
    private Task? _acceptLoop;
    private readonly AssociationSlots _slots;
    private int _active;
    private int _nextId;
    private int _stopping;

    /// <summary>Creates an SCP; call <see cref="Start"/> to listen.</summary>
    /// <param name="options">AE title, address, limits and accepted syntaxes.</param>
    /// <param name="handler">Receives each stored instance.</param>
    /// <param name="timeProvider">The clock for every time limit; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Receives start, stop, failed-connection and failed store-handler events (event ids 4000–4006);
    /// none by default.</param>
    public DicomScp(DicomScpOptions options, IStoreHandler handler, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        UpperLayer.AeTitle.ThrowIfInvalid(options.AeTitle, nameof(options));
        if (options.Tls is { } tls && tls.Certificate?.HasPrivateKey != true)
        {
            throw new ArgumentException("DICOM TLS on a listener needs a server certificate with its private key.", nameof(options));
        }

        _options = options;
        _handler = handler;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _listener = new TcpListener(options.BindAddress, options.Port);
        if (options.MaxAssociationsPerPeer is < 1 || options.MaxAssociationsPerPeer > options.MaxAssociations)
        {
            throw new ArgumentException(
                $"MaxAssociationsPerPeer must be between 1 and MaxAssociations ({options.MaxAssociations}); " +
                $"was {options.MaxAssociationsPerPeer}.",
                nameof(options));
        }

        _slots = new AssociationSlots(options.MaxAssociations, options.MaxAssociationsPerPeer);
    }

    /// <summary>Raised (on an association task) when an association ends, with its outcome for the log.</summary>
    public event EventHandler<AssociationEndedEventArgs>? AssociationEnded;

    /// <summary>Raised (on the association's task, after the A-ASSOCIATE-AC is sent) when an association is accepted.</summary>
    /// <remarks>PS3.8 §7.1. Handlers run before the first P-DATA is read, so they must be quick (queue slow work); an
    /// exception from a handler is logged and does not end the association.</remarks>
    public event EventHandler<AssociationAcceptedEventArgs>? AssociationAccepted;

    /// <summary>Raised (on the association's task, after the A-ASSOCIATE-RJ is sent) when an A-ASSOCIATE-RQ is rejected,
    /// by the SCP's own checks or by <see cref="DicomScpOptions.AssociationGate"/>.</summary>
    /// <remarks>PS3.8 §7.1.1.9, Table 9-21. Handlers must be quick; an exception from a handler is logged.</remarks>
    public event EventHandler<AssociationRejectedEventArgs>? AssociationRejected;

    /// <summary>Gets the bound address and port (after <see cref="Start"/>).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Gets the number of connections being served (negotiating or associated).</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Gets the number of accepted associations in progress.</summary>
    public int ActiveAssociations => _slots.InUse;

    /// <summary>Gets whether every association slot is in use, so that a new association request would be rejected.</summary>
    public bool IsSaturated => _slots.InUse >= _slots.Capacity;

    /// <summary>Binds the port and starts accepting connections.</summary>
    /// <exception cref="DicomNetworkException">The port cannot be bound.</exception>
    public void Start()
    {
        try
        {
            _listener.Start();
        }
        catch (SocketException ex)
        {
            throw new DicomNetworkException(
                $"Cannot listen on {_options.BindAddress}:{_options.Port}: {ex.Message}", isTransient: true, innerException: ex);
        }

        Log.ScpListening(
            _logger,
            _options.AeTitle,
            LocalEndPoint,
            _options.Tls is null ? "" : _options.Tls.RequireClientCertificate ? " (mutual TLS)" : " (TLS)");
        _acceptLoop = AcceptLoopAsync(_abort.Token);
    }

    /// <summary>Stops accepting, waits for in-flight associations, and aborts them when <paramref name="cancellationToken"/>
    /// fires.</summary>
    /// <param name="cancellationToken">Ends the grace period.</param>
    /// <returns>A task that completes when every association has ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 0)
        {
            Log.ScpStopping(_logger, _options.AeTitle, ActiveConnections);
        }

        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await using var registration = cancellationToken.Register(() => _abort.Cancel());
        await Task.WhenAll(_associations.Values);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await StopAsync(CancellationToken.None);
        _listener.Dispose();
        _abort.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException
                or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            if (Volatile.Read(ref _active) >= _options.MaxAssociations + _options.MaxPendingConnections)
            {
                Log.ConnectionRefused(_logger, client.Client.RemoteEndPoint, _options.MaxAssociations + _options.MaxPendingConnections);
                client.Dispose();
                continue;
            }

            var id = Interlocked.Increment(ref _nextId);
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _associations[id] = ServeAsync(id, client, registered.Task, cancellationToken);
            registered.SetResult();
        }
    }

    private async Task ServeAsync(int id, TcpClient client, Task registered, CancellationToken cancellationToken)
    {
        await registered;
        Interlocked.Increment(ref _active);
        var remote = client.Client.RemoteEndPoint;
        using var limit = new CancellationTokenSource(_options.AssociationTimeout, _timeProvider);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        string? outcome = null;
        ScpAssociation? association = null;
        try
        {
            client.NoDelay = true;
            Stream transport = client.GetStream();
            if (_options.Tls is { } tls)
            {
                // Runs on this connection's task, never on the accept loop, and is bounded by the handshake timeout.
                transport = await DicomTls.AuthenticateAsServerAsync(
                    transport, tls, remote?.ToString() ?? "peer", _timeProvider, lifetime.Token);
            }

            association = new ScpAssociation(transport, remote, _options, _handler, _timeProvider, _slots, this, _logger);
            await association.RunAsync(lifetime.Token);
            outcome = association.Outcome;
        }
        catch (Exception ex)
        {
            // The server outlives any one association: whatever ends it is reported, never rethrown.
            outcome = $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            if (association is not null)
            {
                await association.DisposeAsync();
                if (association.SlotPeer is { } peer)
                {
                    _slots.Release(peer);
                }
            }

            client.Dispose();
            Interlocked.Decrement(ref _active);
            _associations.TryRemove(id, out _);
        }

        if (outcome is null)
        {
            Log.ConnectionEnded(_logger, remote);
        }
        else
        {
            Log.ConnectionFailed(_logger, remote, outcome);
        }

        AssociationEnded?.Invoke(this, new AssociationEndedEventArgs(remote, outcome));
    }

    internal void OnAssociationAccepted(AssociationAcceptedEventArgs e) => Raise(AssociationAccepted, e, "AssociationAccepted");

    internal void OnAssociationRejected(AssociationRejectedEventArgs e) => Raise(AssociationRejected, e, "AssociationRejected");

    private void Raise<T>(EventHandler<T>? handler, T e, string name)
    {
        try
        {
            handler?.Invoke(this, e);
        }
#pragma warning disable CA1031 // A subscriber's failure must not end the association it is told about.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.EventHandlerFailed(_logger, name, ex.GetType().Name, ex.Message);
        }
    }
}
