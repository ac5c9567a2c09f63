namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The DICOM upper layer protocol machine of one association, driven by <see cref="StateTransitionTable"/>.</summary>
/// <remarks>
/// PS3.8 §9.2. The machine decides; the owner performs the returned action and feeds events one at a
/// time (it is not thread-safe). ARTIM expiry is reported through the callback given to the constructor,
/// which should post Evt18 to the owner's event loop.
/// </remarks>
public sealed class AssociationStateMachine : IDisposable
{
    private readonly ArtimTimer _artim;

    /// <summary>Creates a machine in Sta1 (idle).</summary>
    /// <param name="timeProvider">The clock for the ARTIM timer.</param>
    /// <param name="artimTimeout">The ARTIM timeout.</param>
    /// <param name="onArtimExpired">Called (on a timer thread) when ARTIM expires; should raise Evt18.</param>
    public AssociationStateMachine(TimeProvider timeProvider, TimeSpan artimTimeout, Action onArtimExpired)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onArtimExpired);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(artimTimeout, TimeSpan.Zero);
        _artim = new ArtimTimer(timeProvider, artimTimeout, onArtimExpired);
    }

    /// <summary>Gets the current state.</summary>
    public AssociationState State { get; private set; } = AssociationState.Sta1;

    /// <summary>Gets whether the local side requested the association (Evt1), which decides AR-8's next state.</summary>
    public bool IsAssociationRequestor { get; private set; }

    /// <summary>Gets whether the ARTIM timer is running.</summary>
    public bool IsArtimRunning => _artim.IsRunning;

    /// <summary>Applies an event.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="associateRequestAcceptable">For Evt6 in Sta2 (AE-6): whether the service-provider accepts the A-ASSOCIATE-RQ.</param>
    /// <returns>The transition, whose action the caller performs.</returns>
    /// <exception cref="InvalidOperationException">A local primitive was issued in a state where Table 9-10 has no entry.</exception>
    public AssociationTransition Handle(AssociationEvent evt, bool associateRequestAcceptable = true)
    {
        var from = State;
        var action = StateTransitionTable.Lookup(from, evt);
        if (action == AssociationAction.None)
        {
            throw new InvalidOperationException($"Event {evt} is not valid in state {from} (PS3.8 Table 9-10).");
        }

        if (evt == AssociationEvent.Evt1)
        {
            IsAssociationRequestor = true;
        }

        var definition = ActionTable.Get(action);
        var alternate = action switch
        {
            AssociationAction.Ae6 => !associateRequestAcceptable,
            AssociationAction.Ar8 => !IsAssociationRequestor,
            _ => false,
        };
        var to = alternate ? definition.AlternateNextState!.Value : definition.NextState;
        ApplyArtim(definition.Artim);
        if (alternate)
        {
            ApplyArtim(definition.AlternateArtim);
        }

        State = to;
        return new AssociationTransition(from, evt, action, to);
    }

    /// <inheritdoc />
    public void Dispose() => _artim.Dispose();

    private void ApplyArtim(ArtimEffect effect)
    {
        switch (effect)
        {
            case ArtimEffect.Start:
                _artim.Start();
                break;
            case ArtimEffect.Stop:
                _artim.Stop();
                break;
            default:
                break;
        }
    }
}
