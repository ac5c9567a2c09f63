namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The consequences of one action: next state(s) and ARTIM timer effect.</summary>
/// <remarks>PS3.8 §9.2.3, Tables 9-6 to 9-9.</remarks>
/// <param name="NextState">The next state (for AE-6 when the request is acceptable, for AR-8 on the requestor side).</param>
/// <param name="AlternateNextState">The other next state of a conditional action (AE-6 reject: Sta13; AR-8 acceptor side: Sta10).</param>
/// <param name="Artim">What the action does to the ARTIM timer.</param>
/// <param name="AlternateArtim">The ARTIM effect on the alternate branch (AE-6 reject starts the timer).</param>
public readonly record struct ActionDefinition(
    AssociationState NextState,
    AssociationState? AlternateNextState = null,
    ArtimEffect Artim = ArtimEffect.None,
    ArtimEffect AlternateArtim = ArtimEffect.None);
