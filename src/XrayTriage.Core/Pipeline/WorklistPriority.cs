namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Priority of an image or a study on the worklist, as persisted. Mirrors the inference policy's priority
/// (urgent, routine, not-assessable) without Core depending on the inference project; a study takes the
/// highest priority among its images: <see cref="Urgent"/> over <see cref="Routine"/> over <see cref="NotAssessable"/>.
/// </summary>
public enum WorklistPriority
{
    /// <summary>At least one finding reached its threshold.</summary>
    Urgent,

    /// <summary>No finding reached its threshold.</summary>
    Routine,

    /// <summary>The image was skipped as ineligible, or could not be triaged after every attempt.</summary>
    NotAssessable,
}
