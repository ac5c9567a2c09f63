using XrayTriage.Core.Pipeline;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

/// <summary>Builds settled studies with reports for the outbox tests.</summary>
internal static class OutboxSamples
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static readonly string[] Destinations = ["pacs-a", "pacs-b"];

    /// <summary>Records one skipped image of study <paramref name="study"/> at <paramref name="receivedAt"/> and settles it;
    /// returns the settled study.</summary>
    public static async Task<SettledStudy> SettleOneAsync(TestDatabase db, int study, int sop, DateTimeOffset receivedAt)
    {
        await db.Store.RecordReceivedAsync(
            Instance(StudyUid(study), SopUid(sop), receivedAt, skipReason: "lateral"), CancellationToken.None);
        var settled = await db.Store.SettleAsync(Quiet, receivedAt + Quiet, CancellationToken.None);
        var studyId = await StudyIdAsync(db, study);
        return settled.Single(s => s.StudyId == studyId);
    }

    /// <summary>Records, claims and completes one eligible image (with a heatmap) and settles its study.</summary>
    public static async Task<(SettledStudy Study, long InstanceId)> SettleTriagedAsync(
        TestDatabase db, int study, int sop, DateTimeOffset receivedAt)
    {
        var recorded = await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(sop), receivedAt), CancellationToken.None);
        var claimed = await db.Store.ClaimAsync("w1", 10, Lease, receivedAt, CancellationToken.None);
        Assert.Contains(claimed, c => c.InstanceId == recorded.InstanceId);
        var outcome = Outcome(TriagePriority.Urgent, "pneumothorax") with { Heatmap = Heatmap() };
        Assert.Equal(
            CompleteOutcome.Triaged,
            await db.Store.CompleteAsync(recorded.InstanceId, outcome, receivedAt.AddSeconds(1), CancellationToken.None));
        var settled = await db.Store.SettleAsync(Quiet, receivedAt + Quiet + TimeSpan.FromSeconds(1), CancellationToken.None);
        var studyId = await StudyIdAsync(db, study);
        return (settled.Single(s => s.StudyId == studyId), recorded.InstanceId);
    }

    public static Task<long> StudyIdAsync(TestDatabase db, int study)
        => db.ScalarAsync<long>("SELECT id FROM triage.studies WHERE study_instance_uid = @uid", ("uid", StudyUid(study)));

    public static InferenceHeatmap Heatmap() => new(4, 3, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 255]);

    /// <summary>Claims and delivers every due delivery to every destination.</summary>
    public static async Task DeliverAllAsync(TestDatabase db, DateTimeOffset now)
    {
        foreach (var destination in Destinations)
        {
            while (await db.Outbox.ClaimNextAsync(destination, "sender", Lease, now, CancellationToken.None) is { } claim)
            {
                Assert.True(await db.Outbox.MarkDeliveredAsync(claim.DeliveryId, "sender", now, CancellationToken.None));
            }
        }
    }
}
