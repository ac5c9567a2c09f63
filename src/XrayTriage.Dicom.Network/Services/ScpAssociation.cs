using System.Net;
using Microsoft.Extensions.Logging;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.Negotiation;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>
/// Runs one association accepted by the SCP, from the transport connection (Evt5) to Sta1, driving the
/// PS3.8 state table: every received PDU, timeout and read failure becomes an event, and the action the
/// table returns is performed here.
/// </summary>
internal sealed partial class ScpAssociation : IAsyncDisposable
{
    private readonly AssociationChannel _channel;
    private readonly DicomScpOptions _options;
    private readonly IStoreHandler _handler;
    private readonly EndPoint? _remote;
    private readonly AssociationSlots _slots;
    private readonly DicomScp _owner;
    private readonly ILogger _logger;
    private readonly PDataReassembler _reassembler;
    private readonly Dictionary<byte, PresentationContextAccept> _accepted = [];
    private readonly Dictionary<byte, string> _abstractSyntaxes = [];
    private AssociationInfo? _info;

    public ScpAssociation(
        Stream transport,
        EndPoint? remote,
        DicomScpOptions options,
        IStoreHandler handler,
        TimeProvider timeProvider,
        AssociationSlots slots,
        DicomScp owner,
        ILogger logger)
    {
        _owner = owner;
        _logger = logger;
        _options = options;
        _handler = handler;
        _remote = remote;
        _slots = slots;
        var limits = new PduLimits { MaxPDataPduLength = (int)Math.Min(options.MaxPduLength, int.MaxValue - Pdu.HeaderLength) };
        _channel = new AssociationChannel(transport, limits, timeProvider, options.ArtimTimeout);
        _reassembler = new PDataReassembler(options.Reassembly);
    }

    /// <summary>Gets why the association was rejected or aborted, for the operator; <see langword="null"/> when it ended
    /// normally.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Gets the peer (calling AE title and source address) whose association slot this association holds, or
    /// <see langword="null"/> when it holds none (it was not accepted).</summary>
    public string? SlotPeer { get; private set; }

    /// <summary>Runs the association until Sta1; a broken transport ends it early (the caller closes the socket).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PerformAsync(_channel.Handle(AssociationEvent.Evt5), null, cancellationToken);
            while (_channel.Machine.State != AssociationState.Sta1)
            {
                var timeout = _channel.Machine.State == AssociationState.Sta6 ? _options.IdleTimeout : (TimeSpan?)null;
                var next = await _channel.NextEventAsync(timeout, cancellationToken);
                if (next.Event == AssociationEvent.Evt15
                    && StateTransitionTable.Lookup(_channel.Machine.State, next.Event) == AssociationAction.None)
                {
                    Outcome ??= next.Failure;
                    break;
                }

                if (next.Failure is not null && next.Event != AssociationEvent.Evt17)
                {
                    Outcome ??= next.Failure;
                }

                try
                {
                    await PerformAsync(_channel.Handle(next.Event), next, cancellationToken);
                }
                catch (DicomNetworkException ex) when (ex.AbortReason is { } reason)
                {
                    Outcome ??= ex.Message;
                    var invalid = new ChannelEvent(AssociationEvent.Evt19, null, ex.Message) { AbortReason = reason };
                    await PerformAsync(_channel.Handle(AssociationEvent.Evt19), invalid, cancellationToken);
                }
            }
        }
        catch (DicomNetworkException ex)
        {
            Outcome ??= ex.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Outcome ??= "the server stopped";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeTargetAsync();
        await _reassembler.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private async Task PerformAsync(AssociationTransition transition, ChannelEvent? received, CancellationToken cancellationToken)
    {
        switch (transition.Action)
        {
            case AssociationAction.Ae6:
                await NegotiateAsync((AAssociateRqPdu)received!.Pdu!, cancellationToken);
                break;
            case AssociationAction.Ae7:
            case AssociationAction.Ae8:
            case AssociationAction.Ar4:
                break;
            case AssociationAction.Dt2:
                await ReceiveDataAsync((PDataTfPdu)received!.Pdu!, cancellationToken);
                break;
            case AssociationAction.Ar2:
                _channel.Handle(AssociationEvent.Evt14);
                await _channel.SendAsync(AReleaseRpPdu.Instance, cancellationToken);
                break;
            case AssociationAction.Aa1:
                await _channel.TrySendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified);
                break;
            case AssociationAction.Aa7:
            case AssociationAction.Aa8:
                await _channel.TrySendAbortAsync(AbortSource.ServiceProvider, AbortFor(received));
                break;
            case AssociationAction.Aa3:
                Outcome ??= "the peer aborted the association";
                break;
            case AssociationAction.Aa4:
                Outcome ??= "the peer closed the connection before releasing the association";
                break;
            default:
                break;
        }
    }

    private static AbortReason AbortFor(ChannelEvent? received) => received switch
    {
        { Event: AssociationEvent.Evt19 } => received.AbortReason,
        { Pdu: not null } => AbortReason.UnexpectedPdu,
        _ => AbortReason.NotSpecified,
    };

    private async Task NegotiateAsync(AAssociateRqPdu request, CancellationToken cancellationToken)
    {
        _info = new AssociationInfo(request.CallingAeTitle, request.CalledAeTitle, _remote);
        if (request.UserInformation.MaximumLength is > 0 and < PDataFragmenter.MinimumPeerMaxLength)
        {
            throw new DicomNetworkException(
                $"The requestor's maximum PDU length {request.UserInformation.MaximumLength} cannot carry data.",
                isTransient: false,
                AbortReason.InvalidPduParameterValue);
        }

        var source = (_remote as IPEndPoint)?.Address;
        var peer = $"{request.CallingAeTitle}@{source}";
        var limited = _slots.TryReserve(peer);
        var decision = AssociationNegotiator.Negotiate(request, Policy(), associationLimitReached: limited is not null, source);
        var byGate = false;
        if (decision.IsAccepted && _options.AssociationGate is { } gate && Consult(gate, _info) is { Rejection: { } rejection } verdict)
        {
            decision = AssociationDecision.Rejected(rejection, verdict.Reason!);
            byGate = true;
        }

        if (decision.Accept is { } accept)
        {
            SlotPeer = peer;
            foreach (var context in accept.PresentationContexts.Where(c => c.IsAccepted))
            {
                _accepted[context.Id] = context;
            }

            foreach (var context in request.PresentationContexts)
            {
                _abstractSyntaxes[context.Id] = context.AbstractSyntax;
            }

            _channel.PeerMaxPduLength = request.UserInformation.MaximumLength ?? 0;
            _channel.Handle(AssociationEvent.Evt7);
            await _channel.SendAsync(accept, cancellationToken);
            _owner.OnAssociationAccepted(new AssociationAcceptedEventArgs(_info, _accepted.Count));
            return;
        }

        if (limited is null)
        {
            _slots.Release(peer);
        }

        Outcome = $"rejected {request.CallingAeTitle}: {decision.RejectionReason}{(limited is null ? "" : $" ({limited})")}";
        _channel.Handle(AssociationEvent.Evt8);
        await _channel.SendAsync(decision.Response, cancellationToken);
        _owner.OnAssociationRejected(new AssociationRejectedEventArgs(_info, decision.Reject!, decision.RejectionReason!, byGate));
    }

    private static AssociationGateDecision Consult(IAssociationGate gate, AssociationInfo info)
    {
        try
        {
            return gate.Evaluate(info) ?? AssociationGateDecision.Accept;
        }
        // The gate is application code: whatever it throws becomes a transient rejection, never a dead association task.
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return AssociationGateDecision.RejectTemporaryCongestion($"the association gate failed ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private AssociationPolicy Policy() => new()
    {
        CalledAeTitle = _options.AeTitle,
        RequireCalledAeTitle = _options.RequireCalledAeTitle,
        AllowedCallingAeTitles = _options.AllowedCallingAeTitles,
        AllowedCallingPeers = _options.AllowedCallingPeers,
        AcceptedAbstractSyntaxes = new HashSet<string>(_options.AcceptedSopClasses) { Dimse.CEchoRequest.Verification },
        TransferSyntaxPreference = _options.TransferSyntaxes,
        MaxReceivePduLength = _options.MaxPduLength,
        ImplementationClassUid = _options.ImplementationClassUid,
        ImplementationVersionName = _options.ImplementationVersionName,
    };
}
