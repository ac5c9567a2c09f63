namespace XrayTriage.Core.Pipeline;

/// <summary>A study that has been quiet for the settle period with no image left to triage: its report can be built.</summary>
public sealed record SettledStudy(long StudyId, string StudyInstanceUid, WorklistPriority? Priority, int ImageCount, DateTimeOffset SettledAt);
