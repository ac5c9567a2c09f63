namespace XrayTriage.Core.Pipeline;

/// <summary>
/// A study that has been quiet for the settle period with no image left to triage: its report can be built.
/// Settling wrote the report row (outbox) in the same transaction: <paramref name="ReportId"/> is version
/// <paramref name="Version"/> of the study's report (1 first, one more each time a late image re-opens the study).
/// It carries what the settler logs; a sink that needs more reads the report row.
/// </summary>
public sealed record SettledStudy(
    long StudyId,
    TriagePriority? Priority,
    int ImageCount,
    long ReportId,
    int Version);
