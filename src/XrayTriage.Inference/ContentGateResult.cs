namespace XrayTriage.Inference;

/// <summary>The content gate's verdict on one image: its Mahalanobis score in the ensemble's pooled-feature space and
/// the manifest threshold. A score above the threshold (or not a number) fails: not a chest radiograph the model can read.</summary>
public readonly record struct ContentGateResult(double Score, double Threshold)
{
    public bool Passed => Score <= Threshold;
}
