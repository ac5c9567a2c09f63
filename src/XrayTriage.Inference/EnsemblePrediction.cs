using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>The ensemble's answer for one image: probabilities (weighted mean of the members' softmax, in
/// <see cref="EnsembleLabels.All"/> order), the most probable label, the triage decision, each member's output
/// and, when asked for, the heatmap of the predicted class. <see cref="Triage"/> is the class decision;
/// <see cref="Priority"/> is not-assessable when the content gate refused the image, whatever the classes say.</summary>
public sealed record EnsemblePrediction(
    double[] Probabilities,
    int PredictedIndex,
    TriageDecision Triage,
    IReadOnlyList<MemberPrediction> Members,
    Heatmap? Heatmap)
{
    public string PredictedLabel => EnsembleLabels.All[PredictedIndex];

    /// <summary>The content gate's verdict; null when the manifest has no content gate.</summary>
    public ContentGateResult? ContentGate { get; init; }

    /// <summary>True when the content gate refused the image: no class is given for it.</summary>
    public bool IsNotChestRadiograph => ContentGate is { Passed: false };

    public TriagePriority Priority => IsNotChestRadiograph ? TriagePriority.NotAssessable : Triage.Priority;

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
