using System.Collections.Frozen;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationAction;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationState;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.ArtimEffect;

namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The next state and ARTIM effect of every action, as data.</summary>
/// <remarks>PS3.8 §9.2.3, Tables 9-6 (AE), 9-7 (DT), 9-8 (AR) and 9-9 (AA).</remarks>
public static class ActionTable
{
    private static readonly FrozenDictionary<AssociationAction, ActionDefinition> Definitions =
        new Dictionary<AssociationAction, ActionDefinition>
        {
            [Ae1] = new(Sta4),
            [Ae2] = new(Sta5),
            [Ae3] = new(Sta6),
            [Ae4] = new(Sta1),
            [Ae5] = new(Sta2, Artim: Start),
            [Ae6] = new(Sta3, Sta13, Artim: Stop, AlternateArtim: Start),
            [Ae7] = new(Sta6),
            [Ae8] = new(Sta13, Artim: Start),
            [Dt1] = new(Sta6),
            [Dt2] = new(Sta6),
            [Ar1] = new(Sta7),
            [Ar2] = new(Sta8),
            [Ar3] = new(Sta1),
            [Ar4] = new(Sta13, Artim: Start),
            [Ar5] = new(Sta1, Artim: Stop),
            [Ar6] = new(Sta7),
            [Ar7] = new(Sta8),
            [Ar8] = new(Sta9, Sta10),
            [Ar9] = new(Sta11),
            [Ar10] = new(Sta12),
            [Aa1] = new(Sta13, Artim: Start),
            [Aa2] = new(Sta1, Artim: Stop),
            [Aa3] = new(Sta1),
            [Aa4] = new(Sta1),
            [Aa5] = new(Sta1, Artim: Stop),
            [Aa6] = new(Sta13),
            [Aa7] = new(Sta13),
            [Aa8] = new(Sta13, Artim: Start),
        }.ToFrozenDictionary();

    /// <summary>Gets the definition of an action.</summary>
    /// <param name="action">Any action except <see cref="AssociationAction.None"/>.</param>
    /// <returns>Its next state(s) and ARTIM effect.</returns>
    public static ActionDefinition Get(AssociationAction action) =>
        Definitions.TryGetValue(action, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(action), action, "The action has no definition.");
}
