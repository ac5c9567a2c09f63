using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>
/// One association's transport, PDU reader and PS3.8 state machine. Reads become events (timeouts
/// included); every send goes through the state table first, so an action the table forbids never
/// reaches the wire.
/// </summary>
internal sealed class AssociationChannel : IAsyncDisposable
{
    private readonly Stream _transport;
    private readonly PduReader _reader;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _artimExpired = new();
    private bool _desynchronized;

    public AssociationChannel(Stream transport, PduLimits limits, TimeProvider timeProvider, TimeSpan artimTimeout)
    {
        _transport = transport;
        _reader = new PduReader(transport, limits);
        _timeProvider = timeProvider;
        Machine = new AssociationStateMachine(timeProvider, artimTimeout, ArtimExpired);
    }

    public AssociationStateMachine Machine { get; }

    /// <summary>Gets or sets the peer's Maximum Length for P-DATA-TF PDUs (0 = unlimited).</summary>
    public uint PeerMaxPduLength { get; set; }

    public AssociationTransition Handle(AssociationEvent evt, bool acceptable = true) => Machine.Handle(evt, acceptable);

    /// <summary>Waits for the next transport event; a timeout or cancellation becomes Evt15 (local A-ABORT request).</summary>
    public async Task<ChannelEvent> NextEventAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var timer = timeout is { } t ? new CancellationTokenSource(t, _timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token, _artimExpired.Token);
        try
        {
            if (_desynchronized)
            {
                return await DrainAsync(linked.Token);
            }

            var pdu = await _reader.ReadAsync(linked.Token);
            return new ChannelEvent(PduEvents.ForReceived(pdu), pdu);
        }
        catch (OperationCanceledException) when (_artimExpired.IsCancellationRequested)
        {
            return new ChannelEvent(AssociationEvent.Evt18, null, "the ARTIM timer expired");
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            return new ChannelEvent(AssociationEvent.Evt15, null, $"no PDU within {timeout}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ChannelEvent(AssociationEvent.Evt15, null, "the association was cancelled");
        }
        catch (DicomNetworkException ex)
        {
            _desynchronized = true;
            return new ChannelEvent(PduEvents.ForReadFailure(ex), null, ex.Message)
            {
                AbortReason = ex.AbortReason ?? AbortReason.NotSpecified,
            };
        }
    }

    /// <summary>
    /// After an invalid PDU the byte stream cannot be resynchronized: discard whatever the peer still sends
    /// until it closes (Evt17), so the A-ABORT we sent can be read (PS3.8 Sta13: wait for the close or ARTIM).
    /// </summary>
    private async Task<ChannelEvent> DrainAsync(CancellationToken cancellationToken)
    {
        var scratch = new byte[4096];
        try
        {
            while (await _transport.ReadAsync(scratch, cancellationToken) > 0)
            {
            }
        }
        catch (IOException ex)
        {
            return new ChannelEvent(AssociationEvent.Evt17, null, ex.Message);
        }

        return new ChannelEvent(AssociationEvent.Evt17, null);
    }

    public Task SendAsync(Pdu pdu, CancellationToken cancellationToken) => PduWriter.WriteAsync(_transport, pdu, cancellationToken);

    /// <summary>Sends a DIMSE message (Evt9: DT-1 or AR-7), command first, then the data set if any.</summary>
    public async Task SendMessageAsync(
        byte presentationContextId, DimseCommand command, Stream? dataSet, CancellationToken cancellationToken)
    {
        Handle(AssociationEvent.Evt9);
        using var commandStream = new MemoryStream(DimseCommandCodec.Encode(command), writable: false);
        await PDataFragmenter.WriteAsync(
            _transport, presentationContextId, isCommand: true, commandStream, PeerMaxPduLength, cancellationToken);
        if (dataSet is not null)
        {
            await PDataFragmenter.WriteAsync(
                _transport, presentationContextId, isCommand: false, dataSet, PeerMaxPduLength, cancellationToken);
        }
    }

    /// <summary>Sends an A-ABORT without letting a dead transport raise; the association is over either way.</summary>
    public async Task TrySendAbortAsync(AbortSource source, AbortReason reason)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), _timeProvider);
        try
        {
            await SendAsync(new AAbortPdu(source, reason), cts.Token);
        }
        catch (DicomNetworkException)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }

    /// <summary>Closes the transport connection (the "close transport connection" part of AE-4, AR-3, AA-2, AA-3).</summary>
    public ValueTask CloseTransportAsync() => _transport.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Machine.Dispose();
        await _transport.DisposeAsync();
        _artimExpired.Dispose();
    }

    private void ArtimExpired()
    {
        try
        {
            _artimExpired.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }
    }
}
