namespace XrayTriage.Core.Pipeline;

/// <summary>
/// The class activation map of an inference run, reduced for storage: <paramref name="Width"/> ×
/// <paramref name="Height"/> 8-bit values, row-major, 0 = no activation, 255 = the map's maximum (at most
/// <see cref="MaxSide"/> pixels on either side). It covers the whole image, so scaling it to the image's size lays it
/// over the film.
/// </summary>
public sealed record InferenceHeatmap(int Width, int Height, byte[] Values)
{
    public const int MaxSide = 64;

    /// <summary>Throws unless the sizes are 1..<see cref="MaxSide"/> and there is one value per pixel.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Values);
        if (Width is < 1 or > MaxSide || Height is < 1 or > MaxSide)
        {
            throw new ArgumentException($"A stored heatmap is 1..{MaxSide} pixels a side, not {Width}×{Height}.");
        }

        if (Values.Length != Width * Height)
        {
            throw new ArgumentException($"A {Width}×{Height} heatmap has {Width * Height} values, not {Values.Length}.");
        }
    }
}
