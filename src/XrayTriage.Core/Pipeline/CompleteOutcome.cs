namespace XrayTriage.Core.Pipeline;

public enum CompleteOutcome
{
    /// <summary>Findings and triage were stored, the instance is triaged and its study's priority updated.</summary>
    Triaged,

    /// <summary>The instance already has an inference run (unique per instance); nothing was written.</summary>
    AlreadyTriaged,

    /// <summary>No such instance.</summary>
    NotFound,
}
