namespace XrayTriage.Core.Pipeline;

/// <summary>Whether the ingest stage found an instance fit for triage (a skipped one carries its reason).</summary>
public enum Eligibility
{
    Eligible,
    Skipped,
}
