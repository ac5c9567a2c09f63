namespace XrayTriage.Inference.Tests.Evaluation;

/// <summary>Hand-built ensemble outputs (normal, covid19, viral_pneumonia, lung_opacity) with their triage worked out
/// by hand under <see cref="Policy"/>.</summary>
internal static class TriageSets
{
    public static readonly TriagePolicy Policy = new(new Dictionary<string, double>
    {
        ["covid19"] = 0.3,
        ["viral_pneumonia"] = 0.4,
        ["lung_opacity"] = 0.5,
    });

    /// <summary>Seven films. Abnormality scores 1 − P(normal): normals 0.1, 0.4, 0.3; abnormals 0.7, 0.3, 0.6, 0.4 —
    /// two abnormal–normal ties. Urgent: films 1 (covid19 0.35), 3 and 5; the others routine.</summary>
    public static readonly int[] Truth = [0, 0, 0, 1, 2, 3, 1];

    public static readonly double[][] Probabilities =
    [
        [0.9, 0.05, 0.03, 0.02],
        [0.6, 0.35, 0.03, 0.02],
        [0.7, 0.1, 0.1, 0.1],
        [0.3, 0.6, 0.05, 0.05],
        [0.7, 0.1, 0.15, 0.05],
        [0.4, 0.05, 0.05, 0.5],
        [0.6, 0.2, 0.1, 0.1],
    ];
}
