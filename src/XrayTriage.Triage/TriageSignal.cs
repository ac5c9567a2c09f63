using XrayTriage.Core.Pipeline;

namespace XrayTriage.Triage;

/// <summary>Ingest's way to wake this process's triage worker (<see cref="ITriageSignal"/>), on a <see cref="WakeSignal"/>.</summary>
internal sealed class TriageSignal : ITriageSignal
{
    public WakeSignal Wake { get; } = new();

    public void Notify() => Wake.Notify();
}
