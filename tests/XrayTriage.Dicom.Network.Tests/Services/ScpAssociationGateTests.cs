using System.Collections.Concurrent;
using System.Globalization;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary><see cref="DicomScpOptions.AssociationGate"/> and the AssociationAccepted/AssociationRejected events
/// (PS3.8 §7.1.1.9, Table 9-21), seen by our SCU and by DCMTK.</summary>
public sealed class ScpAssociationGateTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConnectAsync_GateRejectsCongestion_ThrowsTransientTemporaryCongestionAndRaisesRejected()
    {
        var gate = new SwitchGate { Open = false };
        await using var fixture = Start(gate, out var events);

        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync());

        Assert.True(ex.IsTransient);
        Assert.Contains("rejected-Transient by ServiceProviderPresentation: TemporaryCongestion (1)", ex.Message, StringComparison.Ordinal);
        await fixture.WaitForEndedAsync(1);
        var rejected = Assert.Single(events.Rejected);
        Assert.True(rejected.ByGate);
        Assert.Equal("spool full", rejected.Reason);
        Assert.Equal("MODALITY", rejected.Association.CallingAeTitle);
        Assert.Equal("XRAYTRIAGE", rejected.Association.CalledAeTitle);
        Assert.Equal(AssociateRejectResult.Transient, rejected.Rejection.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, rejected.Rejection.Source);
        Assert.Equal((byte)PresentationRejectReason.TemporaryCongestion, rejected.Rejection.Reason);
        Assert.Empty(events.Accepted);
        Assert.Contains("spool full", Assert.Single(fixture.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_GateClosedThenOpened_RejectedThenAcceptedWithEvent()
    {
        var gate = new SwitchGate { Open = false };
        await using var fixture = Start(gate, out var events);
        await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync());

        gate.Open = true;
        await using (var scu = await fixture.ConnectAsync())
        {
            Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
            await scu.ReleaseAsync(CancellationToken.None);
        }

        await fixture.WaitForEndedAsync(2);
        Assert.Equal(2, gate.Calls);
        var accepted = Assert.Single(events.Accepted);
        Assert.Equal("MODALITY", accepted.Association.CallingAeTitle);
        Assert.Equal(2, accepted.AcceptedContexts);
        Assert.Single(events.Rejected);
    }

    [Fact]
    public async Task ConnectAsync_CallingAeNotAllowed_RejectedByScpWithoutAskingGate()
    {
        var gate = new SwitchGate { Open = false };
        await using var fixture = Start(gate, out var events);

        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync(fixture.ScuOptions(calling: "STRANGER")));

        Assert.False(ex.IsTransient);
        Assert.Contains("CallingAeTitleNotRecognized", ex.Message, StringComparison.Ordinal);
        await fixture.WaitForEndedAsync(1);
        Assert.Equal(0, gate.Calls);
        var rejected = Assert.Single(events.Rejected);
        Assert.False(rejected.ByGate);
        Assert.Equal("STRANGER", rejected.Association.CallingAeTitle);
        Assert.Contains("not allowed", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_GateThrows_RejectedTransientAndServerKeepsServing()
    {
        var gate = new SwitchGate { Throws = true };
        await using var fixture = Start(gate, out var events);

        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync());
        gate.Throws = false;
        gate.Open = true;
        await using var scu = await fixture.ConnectAsync();

        Assert.True(ex.IsTransient);
        Assert.Contains("TemporaryCongestion", ex.Message, StringComparison.Ordinal);
        Assert.Contains(
            "the association gate failed (InvalidOperationException", Assert.Single(events.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConnectAsync_EventHandlerThrows_AssociationStillServed()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        fixture.Scp.AssociationAccepted += (_, _) => throw new InvalidOperationException("subscriber bug");

        await using var scu = await fixture.ConnectAsync();

        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Echoscu_GateRejects_DcmtkReportsRejectedTransientTemporaryCongestion()
    {
        var gate = new SwitchGate { Open = false };
        await using var fixture = Start(gate, out _, allowAnyCaller: true);

        var (exitCode, output) = await DcmtkTool.RunAsync(
            "echoscu", ["-aet", "DCMTK", "-aec", "XRAYTRIAGE", "127.0.0.1", Port(fixture)], ToolTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Rejected Transient", output, StringComparison.Ordinal);
        Assert.Contains("Temporary Congestion", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storescu_GateRejectsThenOpens_DcmtkSeesRejectionThenStores()
    {
        var gate = new SwitchGate { Open = false };
        await using var fixture = Start(gate, out _, allowAnyCaller: true);
        var file = WriteCrFile();
        try
        {
            var refused = await DcmtkTool.RunAsync(
                "storescu", ["-aet", "DCMTK", "-aec", "XRAYTRIAGE", "127.0.0.1", Port(fixture), file], ToolTimeout);
            gate.Open = true;
            var stored = await DcmtkTool.RunAsync(
                "storescu", ["-aet", "DCMTK", "-aec", "XRAYTRIAGE", "127.0.0.1", Port(fixture), file], ToolTimeout);

            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Rejected Transient", refused.Output, StringComparison.Ordinal);
            Assert.Contains("Temporary Congestion", refused.Output, StringComparison.Ordinal);
            Assert.True(stored.ExitCode == 0, stored.Output);
            Assert.Single(fixture.Handler.Received);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Port(ScpFixture fixture) => fixture.Port.ToString(CultureInfo.InvariantCulture);

    private static ScpFixture Start(SwitchGate gate, out RecordedEvents events, bool allowAnyCaller = false)
    {
        var recorded = new RecordedEvents();
        var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success), o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            AllowedCallingAeTitles = allowAnyCaller ? null : o.AllowedCallingAeTitles,
            ArtimTimeout = o.ArtimTimeout,
            Reassembly = o.Reassembly,
            AssociationGate = gate,
        });
        fixture.Scp.AssociationAccepted += (_, e) => recorded.Accepted.Enqueue(e);
        fixture.Scp.AssociationRejected += (_, e) => recorded.Rejected.Enqueue(e);
        events = recorded;
        return fixture;
    }

    private static string WriteCrFile()
    {
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, ScpFixture.CrImage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1234.1")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CR");
        var path = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.dcm");
        new DicomFile(dataset).Save(path);
        return path;
    }

    private sealed class RecordedEvents
    {
        public ConcurrentQueue<AssociationAcceptedEventArgs> Accepted { get; } = new();

        public ConcurrentQueue<AssociationRejectedEventArgs> Rejected { get; } = new();
    }

    /// <summary>A hand-written gate: open or closed (temporary congestion), optionally throwing; counts its calls.</summary>
    private sealed class SwitchGate : IAssociationGate
    {
        private int _calls;

        public volatile bool Open;

        public volatile bool Throws;

        public int Calls => Volatile.Read(ref _calls);

        public AssociationGateDecision Evaluate(AssociationInfo association)
        {
            Interlocked.Increment(ref _calls);
            if (Throws)
            {
                throw new InvalidOperationException("gate bug");
            }

            return Open ? AssociationGateDecision.Accept : AssociationGateDecision.RejectTemporaryCongestion("spool full");
        }
    }
}
