namespace XrayTriage.Web.Data;

/// <summary>One worklist row as the page and <c>/api/studies</c> show it. Carries patient data: show it, never log it.</summary>
internal sealed record WorklistItem(
    long Id,
    string StudyInstanceUid,
    string Priority,
    string TriagePriority,
    string? HumanPriority,
    string Status,
    string? PatientName,
    string? PatientId,
    string? AccessionNumber,
    DateOnly? StudyDate,
    string? StudyDescription,
    string? Modality,
    int ImageCount,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt,
    IReadOnlyList<string> Flags,
    IReadOnlyDictionary<string, double> Probabilities,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? HumanPriorityBy)
{
    /// <summary>Why the content gate gave images of the study no class (display text, distinct, ordered); empty when none.</summary>
    public IReadOnlyList<string> NotAssessableReasons { get; init; } = [];
}
