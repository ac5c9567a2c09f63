namespace XrayTriage.Inference.Evaluation;

/// <summary><see cref="Count"/> of <see cref="Of"/> cases; <see cref="Estimate"/> holds Count / Of (null when Of is 0)
/// and its bootstrap interval.</summary>
public sealed record ShareEstimate(int Count, int Of, IntervalEstimate Estimate);
