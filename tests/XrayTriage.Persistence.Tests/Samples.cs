using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public static readonly StudyAttributes Patient = new(
        "DOE^JANE", "PID-0001", "ACC-17", new DateOnly(2026, 11, 25), "CHEST 2 VIEWS", "DX", "CHEST");

    public static string StudyUid(int n) => $"1.2.826.0.1.3680043.10.543.1.{n}";

    public static string SopUid(int n) => $"1.2.826.0.1.3680043.10.543.2.{n}";

    public static ReceivedInstance Instance(
        string studyUid, string sopUid, DateTimeOffset receivedAt, string? skipReason = null, StudyAttributes? study = null) => new(
        studyUid,
        studyUid + ".1",
        sopUid,
        "1.2.840.10008.5.1.4.1.1.1.1",
        "1.2.840.10008.1.2.1",
        "MODALITY1",
        receivedAt,
        $"/var/spool/xraytriage/{sopUid}.dcm",
        123_456,
        new string('a', 64),
        skipReason,
        study ?? Patient);

    public static InferenceOutcome Outcome(TriagePriority priority, params string[] overThreshold) => new(
        "cxr-ensemble",
        "2026.11.1",
        "1.2.826.0.1.3680043.10.543.99",
        "cpu",
        41.5,
        priority,
        overThreshold,
        new Dictionary<string, double> { ["pneumothorax"] = 0.35, ["effusion"] = 0.5 },
        [
            new(FindingProbability.EnsembleModel, "pneumothorax", 0.62),
            new(FindingProbability.EnsembleModel, "effusion", 0.1),
            new("resnet18-224", "pneumothorax", 0.7),
            new("resnet18-224", "effusion", 0.05),
            new("resnet18-176", "pneumothorax", 0.54),
            new("resnet18-176", "effusion", 0.15),
        ]);

    /// <summary>Records <paramref name="count"/> eligible instances of one study, received a second apart.</summary>
    public static async Task<List<long>> RecordManyAsync(TriageWorkStore store, int count, int studyNumber = 1, int firstSop = 1)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var result = await store.RecordReceivedAsync(
                Instance(StudyUid(studyNumber), SopUid(firstSop + i), T0.AddSeconds(i)), CancellationToken.None);
            ids.Add(result.InstanceId);
        }

        return ids;
    }
}
