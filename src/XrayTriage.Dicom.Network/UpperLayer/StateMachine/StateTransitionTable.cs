using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationAction;

namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The DICOM upper layer state transition table as data: one action per (event, state) cell.</summary>
/// <remarks>
/// PS3.8 §9.2.3, Table 9-10, laid out as in the standard: one row per event Evt1–Evt19, one column per
/// state Sta1–Sta13; <c>__</c> is an empty cell. The next state of each action is in <see cref="ActionTable"/>.
/// </remarks>
public static class StateTransitionTable
{
    private const AssociationAction __ = None;

    private static readonly AssociationAction[][] Cells =
    [
        //       Sta1 Sta2 Sta3 Sta4 Sta5 Sta6 Sta7 Sta8 Sta9 Sta10 Sta11 Sta12 Sta13
        /* Evt1  */ [Ae1, __, __, __, __, __, __, __, __, __, __, __, __],
        /* Evt2  */ [__, __, __, Ae2, __, __, __, __, __, __, __, __, __],
        /* Evt3  */ [__, Aa1, Aa8, __, Ae3, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa6],
        /* Evt4  */ [__, Aa1, Aa8, __, Ae4, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa6],
        /* Evt5  */ [Ae5, __, __, __, __, __, __, __, __, __, __, __, __],
        /* Evt6  */ [__, Ae6, Aa8, __, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa7],
        /* Evt7  */ [__, __, Ae7, __, __, __, __, __, __, __, __, __, __],
        /* Evt8  */ [__, __, Ae8, __, __, __, __, __, __, __, __, __, __],
        /* Evt9  */ [__, __, __, __, __, Dt1, __, Ar7, __, __, __, __, __],
        /* Evt10 */ [__, Aa1, Aa8, __, Aa8, Dt2, Ar6, Aa8, Aa8, Aa8, Aa8, Aa8, Aa6],
        /* Evt11 */ [__, __, __, __, __, Ar1, __, __, __, __, __, __, __],
        /* Evt12 */ [__, Aa1, Aa8, __, Aa8, Ar2, Ar8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa6],
        /* Evt13 */ [__, Aa1, Aa8, __, Aa8, Aa8, Ar3, Aa8, Aa8, Ar10, Ar3, Aa8, Aa6],
        /* Evt14 */ [__, __, __, __, __, __, __, Ar4, Ar9, __, __, Ar4, __],
        /* Evt15 */ [__, __, Aa1, Aa2, Aa1, Aa1, Aa1, Aa1, Aa1, Aa1, Aa1, Aa1, __],
        /* Evt16 */ [__, Aa2, Aa3, __, Aa3, Aa3, Aa3, Aa3, Aa3, Aa3, Aa3, Aa3, Aa2],
        /* Evt17 */ [__, Aa5, Aa4, Aa4, Aa4, Aa4, Aa4, Aa4, Aa4, Aa4, Aa4, Aa4, Ar5],
        /* Evt18 */ [__, Aa2, __, __, __, __, __, __, __, __, __, __, Ar5],
        /* Evt19 */ [__, Aa1, Aa8, __, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa8, Aa7],
    ];

    /// <summary>Looks up the action for an event in a state.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="evt">The event.</param>
    /// <returns>The action, or <see cref="AssociationAction.None"/> when the cell is empty.</returns>
    public static AssociationAction Lookup(AssociationState state, AssociationEvent evt)
    {
        var row = (int)evt - 1;
        var column = (int)state - 1;
        return (uint)row < (uint)Cells.Length && (uint)column < (uint)Cells[row].Length ? Cells[row][column] : None;
    }
}
