namespace XrayTriage.Inference;

/// <summary>The ensemble's answer for one image: probabilities (weighted mean of the members' softmax, in
/// <see cref="EnsembleLabels.All"/> order), the most probable label, the triage decision, each member's output
/// and, when asked for, the heatmap of the predicted class.</summary>
public sealed record EnsemblePrediction(
    double[] Probabilities,
    int PredictedIndex,
    TriageDecision Triage,
    IReadOnlyList<MemberPrediction> Members,
    Heatmap? Heatmap)
{
    public string PredictedLabel => EnsembleLabels.All[PredictedIndex];

    public TriagePriority Priority => Triage.Priority;

    public double ProbabilityOf(string label)
    {
        for (var i = 0; i < EnsembleLabels.All.Count; i++)
        {
            if (EnsembleLabels.All[i] == label)
            {
                return Probabilities[i];
            }
        }

        throw new ArgumentException($"'{label}' is not an ensemble label.", nameof(label));
    }
}
