namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Wakes the triage workers of this process when new work was recorded, so an image does not wait for the next
/// poll. Only a hint: the database is the queue, and workers also poll, so a lost or extra signal is harmless.
/// </summary>
public interface ITriageSignal
{
    /// <summary>Says that at least one instance became claimable. Cheap, never blocks, safe from any thread.</summary>
    void Notify();
}
