using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>DIMSE operations of <see cref="DicomScu"/>.</summary>
public sealed partial class DicomScu
{
    /// <summary>Sends a C-ECHO-RQ and waits for the response.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status of the C-ECHO-RSP.</returns>
    /// <remarks>PS3.7 §9.1.5.</remarks>
    public async Task<DimseStatus> EchoAsync(CancellationToken cancellationToken)
    {
        var contextId = FindContext(CEchoRequest.Verification, transferSyntaxUid: null);
        var request = new CEchoRequest(NextMessageId());
        await _channel.SendMessageAsync(contextId, request, null, cancellationToken);
        var response = await ReceiveResponseAsync(request.MessageId, cancellationToken);
        return response is CEchoResponse echo
            ? echo.Status
            : throw new DicomNetworkException($"{Peer} answered C-ECHO with {response.CommandField}.", isTransient: false);
    }

    /// <summary>Sends one instance with C-STORE in a transfer syntax the peer accepted; never transcodes.</summary>
    /// <param name="sopClassUid">The SOP class UID.</param>
    /// <param name="sopInstanceUid">The SOP instance UID.</param>
    /// <param name="transferSyntaxUid">The transfer syntax the data set bytes are encoded in.</param>
    /// <param name="dataSet">The data set bytes (no Part 10 header), read to its end.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The C-STORE-RSP.</returns>
    /// <exception cref="DicomNetworkException">No accepted context fits, or the association failed.</exception>
    /// <remarks>PS3.7 §9.1.1.</remarks>
    public async Task<CStoreResponse> StoreAsync(
        string sopClassUid, string sopInstanceUid, string transferSyntaxUid, Stream dataSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var contextId = FindContext(sopClassUid, transferSyntaxUid);
        var request = new CStoreRequest(NextMessageId(), sopClassUid, sopInstanceUid);
        await _channel.SendMessageAsync(contextId, request, dataSet, cancellationToken);
        var response = await ReceiveResponseAsync(request.MessageId, cancellationToken);
        return response as CStoreResponse
            ?? throw new DicomNetworkException($"{Peer} answered C-STORE with {response.CommandField}.", isTransient: false);
    }

    private byte FindContext(string abstractSyntax, string? transferSyntaxUid)
    {
        foreach (var proposed in Proposed.Where(p => p.AbstractSyntax == abstractSyntax))
        {
            var answer = Accepted.PresentationContexts.FirstOrDefault(a => a.Id == proposed.Id);
            if (answer is { IsAccepted: true } && (transferSyntaxUid is null || answer.TransferSyntax == transferSyntaxUid))
            {
                return proposed.Id;
            }
        }

        throw new DicomNetworkException(
            $"{Peer} accepted no presentation context for {abstractSyntax}" +
                (transferSyntaxUid is null ? "." : $" in transfer syntax {transferSyntaxUid}."),
            isTransient: false);
    }

    private ushort NextMessageId() => _messageId = (ushort)(_messageId == ushort.MaxValue ? 1 : _messageId + 1);

    private async Task<DimseCommand> ReceiveResponseAsync(ushort messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await _channel.NextEventAsync(_options.DimseTimeout, cancellationToken);
            var transition = _channel.Handle(next.Event);
            if (transition.Action != AssociationAction.Dt2)
            {
                await FailAsync(transition, next, "waiting for a DIMSE response");
            }

            foreach (var value in ((PDataTfPdu)next.Pdu!).Values)
            {
                if (await _reassembler.AppendAsync(value, cancellationToken) != ReassemblyStatus.CommandComplete)
                {
                    continue;
                }

                var command = DimseCommandCodec.Decode(_reassembler.Command);
                if (command.HasDataSet)
                {
                    throw new DicomNetworkException(
                        $"{Peer} sent a response with a data set, which C-ECHO and C-STORE do not have.", isTransient: false);
                }

                var respondedTo = command switch
                {
                    CEchoResponse echo => echo.MessageIdBeingRespondedTo,
                    CStoreResponse store => store.MessageIdBeingRespondedTo,
                    _ => (ushort)0,
                };
                return respondedTo == messageId
                    ? command
                    : throw new DicomNetworkException($"{Peer} answered message {respondedTo}; expected {messageId}.", isTransient: false);
            }
        }
    }

    private async Task FailAsync(AssociationTransition transition, ChannelEvent next, string doing)
    {
        await AbortForAsync(_channel, transition, next);
        throw Failure(transition, next, $"{doing} with {Peer}");
    }

    private static async Task AbortForAsync(AssociationChannel channel, AssociationTransition transition, ChannelEvent next)
    {
        if (transition.Action == AssociationAction.Aa1)
        {
            await channel.TrySendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified);
        }
        else if (transition.Action is AssociationAction.Aa8 or AssociationAction.Aa7)
        {
            await channel.TrySendAbortAsync(AbortSource.ServiceProvider, next.Pdu is null ? next.AbortReason : AbortReason.UnexpectedPdu);
        }
    }

    private static DicomNetworkException Failure(AssociationTransition transition, ChannelEvent next, string doing) => next.Event switch
    {
        AssociationEvent.Evt15 => new DicomNetworkException($"Timed out {doing}: {next.Failure}.", isTransient: true),
        AssociationEvent.Evt16 => new DicomNetworkException($"The peer aborted the association while {doing}.", isTransient: true),
        AssociationEvent.Evt17 => new DicomNetworkException($"The connection closed while {doing}.", isTransient: true),
        _ => new DicomNetworkException(
            $"Protocol error while {doing}: {next.Failure ?? $"unexpected {next.Pdu?.Type}"} ({transition.Action} in {transition.From}).",
            isTransient: false),
    };
}
