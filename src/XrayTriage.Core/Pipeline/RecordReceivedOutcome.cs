namespace XrayTriage.Core.Pipeline;

public enum RecordReceivedOutcome
{
    /// <summary>A new instance row was written (eligible and queued, or skipped).</summary>
    Recorded,

    /// <summary>The SOP Instance UID was already recorded; nothing was written and nothing is triaged again.</summary>
    Duplicate,
}
