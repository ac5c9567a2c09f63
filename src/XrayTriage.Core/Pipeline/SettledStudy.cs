namespace XrayTriage.Core.Pipeline;

/// <summary>
/// A study that has been quiet for the settle period with no image left to triage: its report can be built.
/// Settling wrote the report row (outbox) in the same transaction: <paramref name="ReportId"/> is version
/// <paramref name="Version"/> of the study's report (1 first, one more each time a late image re-opens the study).
/// </summary>
public sealed record SettledStudy(
    long StudyId,
    string StudyInstanceUid,
    TriagePriority? Priority,
    int ImageCount,
    DateTimeOffset SettledAt,
    long ReportId,
    int Version);
