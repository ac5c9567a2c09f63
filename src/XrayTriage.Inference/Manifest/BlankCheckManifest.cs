namespace XrayTriage.Inference;

/// <summary>The blank-image rule of the content gate: an 8-bit gray plane whose
/// [<c>Percentiles[0]</c>, <c>Percentiles[1]</c>] quantile range spans fewer than <see cref="MinRange"/> grey levels
/// is blank (checked before the model).</summary>
public sealed record BlankCheckManifest(int MinRange, IReadOnlyList<double> Percentiles);
