namespace XrayTriage.Inference;

/// <summary>One image for the ensemble: one CHW float tensor per member, in manifest member order (members may have
/// different input sizes), and optionally the size of the heatmap wanted for it (e.g. the display image size).</summary>
public sealed record EnsembleInput(IReadOnlyList<float[]> MemberTensors, HeatmapSize? Heatmap = null);
