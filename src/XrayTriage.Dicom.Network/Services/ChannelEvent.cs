using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>What happened on an association's transport: the PS3.8 event, the PDU if any, and why.</summary>
/// <param name="Event">The event to feed to the state machine.</param>
/// <param name="Pdu">The received PDU (Evt3, Evt4, Evt6, Evt10, Evt12, Evt13, Evt16).</param>
/// <param name="Failure">The read failure behind Evt17/Evt19, or a timeout description for Evt15.</param>
internal sealed record ChannelEvent(AssociationEvent Event, Pdu? Pdu, string? Failure = null)
{
    public AbortReason AbortReason { get; init; } = AbortReason.NotSpecified;
}
