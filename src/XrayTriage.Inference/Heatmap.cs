namespace XrayTriage.Inference;

/// <summary>Where the evidence for the predicted class lies: values in [0, 1], row-major, <see cref="Width"/> ×
/// <see cref="Height"/>.</summary>
public sealed record Heatmap(int Width, int Height, float[] Values);
