namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>One step of the upper layer protocol machine: the caller performs <see cref="Action"/>.</summary>
/// <remarks>PS3.8 §9.2.3, Table 9-10.</remarks>
/// <param name="From">The state before the event.</param>
/// <param name="Event">The event.</param>
/// <param name="Action">The action the caller must perform (send a PDU, issue a primitive, close...).</param>
/// <param name="To">The state after the action.</param>
public readonly record struct AssociationTransition(
    AssociationState From, AssociationEvent Event, AssociationAction Action, AssociationState To);
