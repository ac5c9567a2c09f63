namespace XrayTriage.Inference;

/// <summary>Size of a requested heatmap in pixels.</summary>
public readonly record struct HeatmapSize(int Width, int Height);
