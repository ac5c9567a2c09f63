namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Where an instance is in the pipeline: <see cref="Received"/> → <see cref="Processing"/> →
/// <see cref="Triaged"/> | <see cref="Failed"/>; ineligible instances are <see cref="Skipped"/> from the start.
/// A failed attempt below the retry limit returns the instance to <see cref="Received"/> with a later due time.
/// </summary>
public enum InstanceState
{
    Received,
    Processing,
    Triaged,
    Skipped,
    Failed,
}
