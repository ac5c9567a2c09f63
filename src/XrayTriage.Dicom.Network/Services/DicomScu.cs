using System.Net.Sockets;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An association requested by us: C-ECHO and C-STORE to a peer, then release.</summary>
/// <remarks>
/// PS3.8 §9.2 (requestor side of Table 9-10), PS3.7 §9.1 (C-STORE, C-ECHO). Failures are
/// <see cref="DicomNetworkException"/>s classified by <see cref="DicomNetworkException.IsTransient"/>:
/// refused connections, timeouts and transient rejections may be retried; a rejected AE title may not.
/// </remarks>
public sealed partial class DicomScu : IAsyncDisposable
{
    private readonly AssociationChannel _channel;
    private readonly DicomScuOptions _options;
    private readonly TcpClient _client;
    private readonly PDataReassembler _reassembler = new();
    private ushort _messageId;

    private DicomScu(
        TcpClient client,
        AssociationChannel channel,
        DicomScuOptions options,
        AAssociateAcPdu accepted,
        IReadOnlyList<PresentationContextRequest> proposed)
    {
        _client = client;
        _channel = channel;
        _options = options;
        Accepted = accepted;
        Proposed = proposed;
    }

    /// <summary>Gets the peer's A-ASSOCIATE-AC.</summary>
    public AAssociateAcPdu Accepted { get; }

    /// <summary>Gets the presentation contexts we proposed.</summary>
    public IReadOnlyList<PresentationContextRequest> Proposed { get; }

    /// <summary>Gets whether the association is established (Sta6).</summary>
    public bool IsEstablished => _channel.Machine.State == AssociationState.Sta6;

    private string Peer => $"{_options.CalledAeTitle}@{_options.Host}:{_options.Port}";

    /// <summary>Opens a connection and negotiates an association.</summary>
    /// <param name="options">Peer, AE titles and timeouts.</param>
    /// <param name="contexts">The presentation contexts to propose (odd IDs).</param>
    /// <param name="timeProvider">The clock for time limits; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The established association.</returns>
    /// <exception cref="DicomNetworkException">The connection failed, timed out or the association was rejected.</exception>
    public static async Task<DicomScu> ConnectAsync(
        DicomScuOptions options,
        IReadOnlyList<PresentationContextRequest> contexts,
        TimeProvider? timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contexts);
        AeTitle.ThrowIfInvalid(options.CallingAeTitle, nameof(options));
        AeTitle.ThrowIfInvalid(options.CalledAeTitle, nameof(options));
        timeProvider ??= TimeProvider.System;
        var client = new TcpClient { NoDelay = true };
        var peer = $"{options.CalledAeTitle}@{options.Host}:{options.Port}";
        AssociationChannel? channel = null;
        try
        {
            using var connectTimeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            try
            {
                await client.ConnectAsync(options.Host, options.Port, linked.Token);
            }
            catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested)
            {
                throw new DicomNetworkException($"Connecting to {peer} timed out after {options.ConnectTimeout}.", isTransient: true);
            }
            catch (SocketException ex)
            {
                throw new DicomNetworkException($"Cannot connect to {peer}: {ex.Message}", isTransient: true, innerException: ex);
            }

            var limits = new PduLimits { MaxPDataPduLength = (int)Math.Min(options.MaxPduLength, int.MaxValue - Pdu.HeaderLength) };
            Stream transport = client.GetStream();
            if (options.Tls is { } tls)
            {
                transport = await DicomTls.AuthenticateAsClientAsync(transport, tls, options.Host, peer, timeProvider, cancellationToken);
            }

            channel = new AssociationChannel(transport, limits, timeProvider, options.ArtimTimeout);
            var accepted = await RequestAsync(channel, options, contexts, peer, cancellationToken);
            channel.PeerMaxPduLength = accepted.UserInformation.MaximumLength ?? 0;
            return new DicomScu(client, channel, options, accepted, contexts);
        }
        catch
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }

            client.Dispose();
            throw;
        }
    }

    /// <summary>Releases the association (A-RELEASE) and closes the connection.</summary>
    /// <param name="cancellationToken">Cancels the wait for A-RELEASE-RP.</param>
    /// <returns>A task that completes when the association is released.</returns>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        _channel.Handle(AssociationEvent.Evt11);
        await _channel.SendAsync(AReleaseRqPdu.Instance, cancellationToken);
        while (_channel.Machine.State != AssociationState.Sta1)
        {
            var next = await _channel.NextEventAsync(_options.ArtimTimeout, cancellationToken);
            var transition = _channel.Handle(next.Event);
            switch (transition.Action)
            {
                case AssociationAction.Ar8:
                    _channel.Handle(AssociationEvent.Evt14);
                    await _channel.SendAsync(AReleaseRpPdu.Instance, cancellationToken);
                    break;
                case AssociationAction.Ar3:
                case AssociationAction.Ar6:
                    break;
                default:
                    await FailAsync(transition, next, "releasing the association");
                    break;
            }
        }

        await _channel.CloseTransportAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_channel.Machine.State is not AssociationState.Sta1 and not AssociationState.Sta13)
        {
            _channel.Handle(AssociationEvent.Evt15);
            await _channel.TrySendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified);
        }

        await _reassembler.DisposeAsync();
        await _channel.DisposeAsync();
        _client.Dispose();
    }

    private static async Task<AAssociateAcPdu> RequestAsync(
        AssociationChannel channel,
        DicomScuOptions options,
        IReadOnlyList<PresentationContextRequest> contexts,
        string peer,
        CancellationToken cancellationToken)
    {
        channel.Handle(AssociationEvent.Evt1);
        channel.Handle(AssociationEvent.Evt2);
        await channel.SendAsync(
            new AAssociateRqPdu
            {
                CalledAeTitle = options.CalledAeTitle,
                CallingAeTitle = options.CallingAeTitle,
                PresentationContexts = contexts,
                UserInformation = new UserInformation
                {
                    MaximumLength = options.MaxPduLength,
                    ImplementationClassUid = options.ImplementationClassUid,
                    ImplementationVersionName = options.ImplementationVersionName,
                },
            },
            cancellationToken);
        var next = await channel.NextEventAsync(options.ArtimTimeout, cancellationToken);
        var transition = channel.Handle(next.Event);
        switch (transition.Action)
        {
            case AssociationAction.Ae3:
                return (AAssociateAcPdu)next.Pdu!;
            case AssociationAction.Ae4:
                throw ((AAssociateRjPdu)next.Pdu!).ToException(peer);
            default:
                await AbortForAsync(channel, transition, next);
                throw Failure(transition, next, $"negotiating with {peer}");
        }
    }
}
