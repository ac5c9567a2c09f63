namespace XrayTriage.Core.Pipeline;

/// <summary>One line of the worklist. Carries patient data: show it, never log it.</summary>
public sealed record WorklistEntry(
    long StudyId,
    string StudyInstanceUid,
    TriagePriority? Priority,
    StudyAttributes Study,
    int ImageCount,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt,
    DateTimeOffset? SettledAt);
