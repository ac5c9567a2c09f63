using XrayTriage.Dicom;
using XrayTriage.Reporting.Delivery;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Persistence;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Delivery;

/// <summary>The real dispatcher (hosted, with its Polly pipelines) against a real PostgreSQL and real associations to
/// scripted SCPs: what is retried, what fails at once, and that destinations do not wait for each other.</summary>
[Collection(ReportingPostgres.Name)]
public sealed class DispatcherTests(PostgresFixture postgres)
{
    private const string SrClass3D = "1.2.840.10008.5.1.4.1.1.88.34";
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    private static readonly string[] WaitingStates = ["Pending", "Sending"];

    [Fact]
    public async Task Dispatcher_PeerStoresEverything_DeliversSrThenCaptureOnceAndAudits()
    {
        await using var pacs = RecordingScp.Start();
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[0]);
        await bed.StartAsync([("pacs", pacs.Port)]);

        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Delivered",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        var stored = pacs.Stored.ToArray();
        Assert.Equal([SrClass3D, SecondaryCapture], stored.Select(s => s.SopClass));
        Assert.Equal(stored.Length, stored.Select(s => s.SopInstance).Distinct().Count());
        Assert.Equal(1, await bed.ScalarAsync<int>("SELECT attempts FROM triage.report_deliveries WHERE report_id = @r", report));
        Assert.Equal(1L, await bed.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE subject = 'pacs' AND outcome = 'Success' " +
            "AND detail LIKE 'report ' || @r || ' %'",
            report));
    }

    [Fact]
    public async Task Dispatcher_TwoDestinationsFourStudies_EachReportBuiltOnceAndDeliveredToBothAtViewerSize()
    {
        await using var pacsA = RecordingScp.Start();
        await using var pacsB = RecordingScp.Start();
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var reports = new List<long>();
        foreach (var sample in DeliveryTestBed.ChestSamples.Concat(DeliveryTestBed.ChestSamples))
        {
            reports.Add(await bed.NewStudyAsync(sample));
        }

        await bed.StartAsync([("pacs-a", pacsA.Port), ("pacs-b", pacsB.Port)]);

        foreach (var report in reports)
        {
            foreach (var destination in new[] { "pacs-a", "pacs-b" })
            {
                await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, destination) == "Delivered",
                    async () => $"report {report} at {destination}: {await bed.DeliveryStateAsync(report, destination)}");
            }
        }

        Assert.Equal(reports.Count, bed.Service<SharedReportPackages>().Built);
        foreach (var pacs in new[] { pacsA, pacsB })
        {
            Assert.Equal(reports.Count, pacs.Stored.Count(s => s.SopClass == SrClass3D));
            var captures = pacs.Received.Where(r => r.Dataset.GetString(DicomTags.SOPClassUID) == SecondaryCapture).ToList();
            Assert.Equal(reports.Count, captures.Count);
            Assert.All(
                captures,
                c => Assert.Equal(1024, Math.Max(c.Dataset.GetUInt16(DicomTags.Rows), c.Dataset.GetUInt16(DicomTags.Columns))));
        }
    }

    [Fact]
    public async Task Dispatcher_PeerAnswersCannotUnderstand_FailsAtFirstAttemptWithTheStatus()
    {
        await using var pacs = RecordingScp.Start();
        pacs.Answer(DimseStatus.CannotUnderstand);
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[0]);
        await bed.StartAsync([("pacs", pacs.Port)]);

        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Failed",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        Assert.Equal(1, pacs.Attempts);
        Assert.Contains(
            "C000", await bed.ScalarAsync<string>("SELECT last_error FROM triage.report_deliveries WHERE report_id = @r", report));
        Assert.Equal(1L, await bed.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE subject = 'pacs' AND outcome = 'MajorFailure'", report));
    }

    [Fact]
    public async Task Dispatcher_PeerOutOfResourcesFourTimes_RetriesThenDelivers()
    {
        await using var pacs = RecordingScp.Start();
        pacs.Answer(DimseStatus.OutOfResources, DimseStatus.OutOfResources, DimseStatus.OutOfResources, DimseStatus.OutOfResources);
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[0]);
        await bed.StartAsync([("pacs", pacs.Port)]);

        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Delivered",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        // Three quick tries inside the first claim (one try and two Polly retries), then the outbox's second claim.
        Assert.Equal(2, await bed.ScalarAsync<int>("SELECT attempts FROM triage.report_deliveries WHERE report_id = @r", report));
        Assert.Single(pacs.Stored, s => s.SopClass == SrClass3D);
    }

    [Fact]
    public async Task Dispatcher_OneDestinationDown_OtherDestinationDeliversWithoutWaiting()
    {
        await using var pacs = RecordingScp.Start();
        var nobody = FreePort.Next();
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var first = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[0]);
        var second = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[1]);
        await bed.StartAsync([("down", nobody), ("pacs", pacs.Port)]);

        await DeliveryTestBed.UntilAsync(
            async () => await bed.DeliveryStateAsync(first, "pacs") == "Delivered"
                && await bed.DeliveryStateAsync(second, "pacs") == "Delivered",
            async () => $"pacs {await bed.DeliveryStateAsync(first, "pacs")}/{await bed.DeliveryStateAsync(second, "pacs")}",
            seconds: 10);

        const string LastError =
            "SELECT coalesce(last_error, '') FROM triage.report_deliveries WHERE report_id = @r AND destination = 'down'";
        await DeliveryTestBed.UntilAsync(async () => (await bed.ScalarAsync<string>(LastError, first)).Length > 0,
            async () => $"down: {await bed.DeliveryStateAsync(first, "down")}");
        Assert.Contains(await bed.DeliveryStateAsync(first, "down"), WaitingStates);
        Assert.Contains("Cannot connect", await bed.ScalarAsync<string>(LastError, first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_PeerRefusesSecondaryCaptureClass_DeliversTheSrAlone()
    {
        await using var pacs = RecordingScp.Start(acceptSecondaryCapture: false);
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[1]);
        await bed.StartAsync([("pacs", pacs.Port)]);

        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Delivered",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        Assert.Equal([SrClass3D], pacs.Stored.Select(s => s.SopClass));
        Assert.Contains("1 heatmap image(s) refused", await bed.ScalarAsync<string>(
            "SELECT detail FROM triage.audit_events WHERE subject = 'pacs' ORDER BY id DESC LIMIT 1", report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requeue_FailedDeliveryAfterPeerFixed_IsDeliveredWithTheSameUids()
    {
        await using var pacs = RecordingScp.Start();
        pacs.Answer(DimseStatus.SopClassNotSupported);
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[0]);
        await bed.StartAsync([("pacs", pacs.Port)]);
        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Failed",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        Assert.Equal(1, await bed.Outbox.RequeueAsync(null, "pacs", TimeProvider.System.GetUtcNow(), CancellationToken.None));
        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Delivered",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");

        var content = await bed.Outbox.GetContentAsync(report, CancellationToken.None);
        Assert.Contains(pacs.Stored, s => s.SopInstance == content!.SrSopInstanceUid);
        Assert.Contains(pacs.Stored, s => s.SopInstance == content!.Images[0].ScSopInstanceUid);
    }

    [Fact]
    public async Task Dispatcher_LateImageAfterDelivery_SendsVersionTwoReferencingVersionOne()
    {
        await using var pacs = RecordingScp.Start();
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var first = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[1]);
        await bed.StartAsync([("pacs", pacs.Port)]);
        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(first, "pacs") == "Delivered",
            async () => $"v1 {await bed.DeliveryStateAsync(first, "pacs")}");

        var second = await bed.LateImageAsync(DeliveryTestBed.ChestSamples[1]);
        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(second, "pacs") == "Delivered",
            async () => $"v2 {await bed.DeliveryStateAsync(second, "pacs")}");

        var v1 = (await bed.Outbox.GetContentAsync(first, CancellationToken.None))!;
        var v2 = (await bed.Outbox.GetContentAsync(second, CancellationToken.None))!;
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.SrSopInstanceUid, v2.Predecessor!.SrSopInstanceUid);
        Assert.NotEqual(v1.SrSopInstanceUid, v2.SrSopInstanceUid);
        var srs = pacs.Stored.Where(s => s.SopClass == SrClass3D).Select(s => s.SopInstance).ToList();
        Assert.Equal([v1.SrSopInstanceUid, v2.SrSopInstanceUid], srs);
        var v2Sr = Assert.Single(pacs.Received, r => r.SopInstance == v2.SrSopInstanceUid).Dataset;
        var predecessor = v2Sr.GetSequence(DicomTags.PredecessorDocumentsSequence).Items[0]
            .GetSequence(DicomTags.ReferencedSeriesSequence).Items[0]
            .GetSequence(DicomTags.ReferencedSOPSequence).Items[0];
        Assert.Equal(v1.SrSopInstanceUid, predecessor.GetString(DicomTags.ReferencedSOPInstanceUID));
        // The first image's heatmap keeps its UID in version 2 (the PACS keeps one copy); the late image adds one.
        Assert.Equal(2, pacs.Stored.Where(s => s.SopClass == SecondaryCapture).Select(s => s.SopInstance).Distinct().Count());
    }
}
