using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Evaluation;

/// <summary>One class of one source: <see cref="Count"/> films, <see cref="Correct"/> of them given their class by the
/// argmax, and <see cref="TriagedAsExpected"/> given <see cref="ExpectedPriority"/> by the triage policy (routine for
/// normal films, urgent for every finding class).</summary>
public sealed record SourceClassMetrics(string Label, int Count, int Correct, TriagePriority ExpectedPriority, int TriagedAsExpected)
{
    public double Accuracy => (double)Correct / Count;
}
