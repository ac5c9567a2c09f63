using XrayTriage.Dicom.Network.UpperLayer.StateMachine;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationAction;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationEvent;
using static XrayTriage.Dicom.Network.UpperLayer.StateMachine.AssociationState;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer.StateMachine;

public sealed class AssociationStateMachineTests
{
    private static readonly TimeSpan Artim = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _clock = new();
    private int _expiries;

    private AssociationStateMachine NewMachine() => new(_clock, Artim, () => _expiries++);

    [Fact]
    public void Handle_AcceptorHappyPath_FollowsStandardStates()
    {
        using var machine = NewMachine();
        AssociationEvent[] events = [Evt5, Evt6, Evt7, Evt10, Evt9, Evt12, Evt14, Evt17];
        var transitions = events.Select(e => machine.Handle(e)).ToList();
        Assert.Equal([Ae5, Ae6, Ae7, Dt2, Dt1, Ar2, Ar4, Ar5], transitions.Select(t => t.Action));
        Assert.Equal([Sta2, Sta3, Sta6, Sta6, Sta6, Sta8, Sta13, Sta1], transitions.Select(t => t.To));
        Assert.False(machine.IsArtimRunning);
    }

    [Fact]
    public void Handle_RequestorHappyPath_FollowsStandardStates()
    {
        using var machine = NewMachine();
        AssociationEvent[] events = [Evt1, Evt2, Evt3, Evt9, Evt10, Evt11, Evt13];
        var transitions = events.Select(e => machine.Handle(e)).ToList();
        Assert.Equal([Ae1, Ae2, Ae3, Dt1, Dt2, Ar1, Ar3], transitions.Select(t => t.Action));
        Assert.Equal(Sta1, machine.State);
        Assert.True(machine.IsAssociationRequestor);
    }

    [Fact]
    public void Handle_UnacceptableRequest_RejectsAndStartsArtim()
    {
        using var machine = NewMachine();
        machine.Handle(Evt5);
        var transition = machine.Handle(Evt6, associateRequestAcceptable: false);
        Assert.Equal(new AssociationTransition(Sta2, Evt6, Ae6, Sta13), transition);
        Assert.True(machine.IsArtimRunning);
    }

    [Fact]
    public void Handle_AcceptableRequest_StopsArtim()
    {
        using var machine = NewMachine();
        machine.Handle(Evt5);
        Assert.True(machine.IsArtimRunning);
        machine.Handle(Evt6);
        Assert.False(machine.IsArtimRunning);
        _clock.Advance(Artim * 2);
        Assert.Equal(0, _expiries);
    }

    [Fact]
    public void Artim_NoRequestInTime_ExpiresOnceAndEvt18Closes()
    {
        using var machine = NewMachine();
        machine.Handle(Evt5);
        _clock.Advance(Artim - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _expiries);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _expiries);
        Assert.Equal(new AssociationTransition(Sta2, Evt18, Aa2, Sta1), machine.Handle(Evt18));
    }

    [Fact]
    public void Artim_RestartedByAa1_OldDeadlineDoesNotFire()
    {
        using var machine = NewMachine();
        machine.Handle(Evt5);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(Aa1, machine.Handle(Evt19).Action);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, _expiries);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _expiries);
        Assert.Equal(0, _clock.ActiveTimers);
    }

    [Theory]
    [InlineData(true, Sta9)]
    [InlineData(false, Sta10)]
    public void Handle_ReleaseCollision_NextStateDependsOnRole(bool requestor, AssociationState expected)
    {
        using var machine = NewMachine();
        if (requestor)
        {
            machine.Handle(Evt1);
            machine.Handle(Evt2);
            machine.Handle(Evt3);
        }
        else
        {
            machine.Handle(Evt5);
            machine.Handle(Evt6);
            machine.Handle(Evt7);
        }

        machine.Handle(Evt11);
        var transition = machine.Handle(Evt12);
        Assert.Equal(Ar8, transition.Action);
        Assert.Equal(expected, transition.To);
    }

    [Fact]
    public void Handle_RequestorCollisionCompletes_ThroughSta11()
    {
        using var machine = NewMachine();
        foreach (var e in new[] { Evt1, Evt2, Evt3, Evt11, Evt12 })
        {
            machine.Handle(e);
        }

        Assert.Equal(Ar9, machine.Handle(Evt14).Action);
        Assert.Equal(Sta11, machine.State);
        Assert.Equal(Ar3, machine.Handle(Evt13).Action);
        Assert.Equal(Sta1, machine.State);
    }

    [Fact]
    public void Handle_LocalPrimitiveInWrongState_ThrowsInvalidOperation()
    {
        using var machine = NewMachine();
        Assert.Throws<InvalidOperationException>(() => machine.Handle(Evt9));
        Assert.Equal(Sta1, machine.State);
    }

    [Fact]
    public void Handle_AbortPduWhileEstablished_ClosesWithAa3()
    {
        using var machine = NewMachine();
        machine.Handle(Evt5);
        machine.Handle(Evt6);
        machine.Handle(Evt7);
        Assert.Equal(new AssociationTransition(Sta6, Evt16, Aa3, Sta1), machine.Handle(Evt16));
    }
}
