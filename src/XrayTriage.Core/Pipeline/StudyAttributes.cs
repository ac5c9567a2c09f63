namespace XrayTriage.Core.Pipeline;

/// <summary>
/// What the worklist shows of a study. Patient data: it is stored in the database for the worklist and must
/// never be logged or put into audit details. Every field is optional because modalities omit them.
/// </summary>
public sealed record StudyAttributes(
    string? PatientName,
    string? PatientId,
    string? AccessionNumber,
    DateOnly? StudyDate,
    string? StudyDescription,
    string? Modality,
    string? BodyPartExamined)
{
    public static StudyAttributes None { get; } = new(null, null, null, null, null, null, null);
}
