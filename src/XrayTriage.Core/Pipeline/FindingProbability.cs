namespace XrayTriage.Core.Pipeline;

/// <summary>One class probability of one model for one image.</summary>
/// <param name="Model"><see cref="EnsembleModel"/> for the weighted ensemble, otherwise the member's name.</param>
/// <param name="Label">Class label as named by the model manifest.</param>
/// <param name="Probability">Probability in [0, 1].</param>
public sealed record FindingProbability(string Model, string Label, double Probability)
{
    public const string EnsembleModel = "ensemble";
}
