using XrayTriage.Dicom.Network.UpperLayer.StateMachine;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationAction;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationEvent;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationState;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer.StateMachine;

public sealed class StateTransitionTableTests
{
    public static TheoryData<AssociationState, AssociationEvent, AssociationAction> Cells => new()
    {
        { Sta1, Evt1, Ae1 },
        { Sta4, Evt2, Ae2 },
        { Sta5, Evt3, Ae3 },
        { Sta5, Evt4, Ae4 },
        { Sta1, Evt5, Ae5 },
        { Sta2, Evt6, Ae6 },
        { Sta3, Evt7, Ae7 },
        { Sta3, Evt8, Ae8 },
        { Sta6, Evt9, Dt1 },
        { Sta8, Evt9, Ar7 },
        { Sta6, Evt10, Dt2 },
        { Sta7, Evt10, Ar6 },
        { Sta6, Evt11, Ar1 },
        { Sta6, Evt12, Ar2 },
        { Sta7, Evt12, Ar8 },
        { Sta7, Evt13, Ar3 },
        { Sta10, Evt13, Ar10 },
        { Sta11, Evt13, Ar3 },
        { Sta8, Evt14, Ar4 },
        { Sta9, Evt14, Ar9 },
        { Sta12, Evt14, Ar4 },
        { Sta4, Evt15, Aa2 },
        { Sta6, Evt15, Aa1 },
        { Sta2, Evt16, Aa2 },
        { Sta6, Evt16, Aa3 },
        { Sta13, Evt16, Aa2 },
        { Sta2, Evt17, Aa5 },
        { Sta6, Evt17, Aa4 },
        { Sta13, Evt17, Ar5 },
        { Sta2, Evt18, Aa2 },
        { Sta13, Evt18, Ar5 },
        { Sta2, Evt19, Aa1 },
        { Sta6, Evt19, Aa8 },
        { Sta13, Evt19, Aa7 },
        { Sta13, Evt6, Aa7 },
        { Sta13, Evt3, Aa6 },
        { Sta2, Evt3, Aa1 },
        { Sta1, Evt6, None },
        { Sta6, Evt1, None },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Lookup_CellFromTable9_10_ReturnsStandardAction(AssociationState state, AssociationEvent evt, AssociationAction expected)
    {
        Assert.Equal(expected, StateTransitionTable.Lookup(state, evt));
    }

    [Fact]
    public void Lookup_EveryCell_HasADefinedActionOrNone()
    {
        foreach (var state in Enum.GetValues<AssociationState>())
        {
            foreach (var evt in Enum.GetValues<AssociationEvent>())
            {
                var action = StateTransitionTable.Lookup(state, evt);
                if (action != None)
                {
                    _ = ActionTable.Get(action);
                }
            }
        }
    }

    [Fact]
    public void Lookup_ReceivedPduInConnectedStates_IsNeverEmpty()
    {
        AssociationEvent[] received = [Evt3, Evt4, Evt6, Evt10, Evt12, Evt13, Evt16, Evt17, Evt19];
        var connected = Enum.GetValues<AssociationState>().Where(s => s is not Sta1 and not Sta4);
        foreach (var state in connected)
        {
            foreach (var evt in received)
            {
                Assert.NotEqual(None, StateTransitionTable.Lookup(state, evt));
            }
        }
    }

    [Fact]
    public void Lookup_OutOfRangeValues_ReturnsNone()
    {
        Assert.Equal(None, StateTransitionTable.Lookup((AssociationState)99, Evt1));
        Assert.Equal(None, StateTransitionTable.Lookup(Sta1, (AssociationEvent)0));
    }
}
