using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.StateMachine;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer.StateMachine;

public sealed class PduEventsTests
{
    [Fact]
    public void ForReceived_EachPduType_MapsToTable9_2Event()
    {
        var events = ValidPdus.All.Select(b => PduEvents.ForReceived(Pdu.Parse(b))).ToList();
        Assert.Equal(
            [
                AssociationEvent.Evt6, AssociationEvent.Evt6, AssociationEvent.Evt3, AssociationEvent.Evt4,
                AssociationEvent.Evt10, AssociationEvent.Evt12, AssociationEvent.Evt13, AssociationEvent.Evt16,
            ],
            events);
        Assert.Equal(AssociationEvent.Evt17, PduEvents.ForReceived(null));
    }

    [Fact]
    public void ForReadFailure_MalformedVersusBrokenConnection_Evt19OrEvt17()
    {
        var malformed = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(Bytes.Hex("09 00 00 00 00 00")));
        Assert.Equal(AssociationEvent.Evt19, PduEvents.ForReadFailure(malformed));
        Assert.Equal(AssociationEvent.Evt17, PduEvents.ForReadFailure(new DicomNetworkException("reset", isTransient: true)));
    }
}
