namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>Maps what arrived on the transport to the state machine's events.</summary>
/// <remarks>PS3.8 §9.2.2, Table 9-2 (events Evt3, Evt4, Evt6, Evt10, Evt12, Evt13, Evt16, Evt17, Evt19).</remarks>
public static class PduEvents
{
    /// <summary>Gets the event for a received PDU, or Evt17 when the transport closed (<see langword="null"/>).</summary>
    /// <param name="pdu">The PDU returned by <see cref="PduReader.ReadAsync"/>.</param>
    /// <returns>The event to feed to <see cref="AssociationStateMachine.Handle"/>.</returns>
    public static AssociationEvent ForReceived(Pdu? pdu) => pdu?.Type switch
    {
        null => AssociationEvent.Evt17,
        PduType.AAssociateAc => AssociationEvent.Evt3,
        PduType.AAssociateRj => AssociationEvent.Evt4,
        PduType.AAssociateRq => AssociationEvent.Evt6,
        PduType.PDataTf => AssociationEvent.Evt10,
        PduType.AReleaseRq => AssociationEvent.Evt12,
        PduType.AReleaseRp => AssociationEvent.Evt13,
        PduType.AAbort => AssociationEvent.Evt16,
        _ => AssociationEvent.Evt19,
    };

    /// <summary>Gets the event for a read failure: Evt19 for an invalid PDU, Evt17 for a broken connection.</summary>
    /// <param name="exception">The exception raised by <see cref="PduReader.ReadAsync"/>.</param>
    /// <returns>The event to feed to <see cref="AssociationStateMachine.Handle"/>.</returns>
    public static AssociationEvent ForReadFailure(DicomNetworkException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.AbortReason is null ? AssociationEvent.Evt17 : AssociationEvent.Evt19;
    }
}
