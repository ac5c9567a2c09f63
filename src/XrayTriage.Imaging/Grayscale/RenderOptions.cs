namespace XrayTriage.Imaging.Grayscale;

/// <summary>How the display image is made from a monochrome frame.</summary>
public sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    /// <summary>Which of several Window Center/Width pairs to use (0 = first).</summary>
    public int WindowIndex { get; init; }

    /// <summary>A window chosen by the user (LINEAR function), used instead of anything in the file.</summary>
    public (double Center, double Width)? Window { get; init; }

    /// <summary>Use the file's VOI LUT Sequence even when windows are present.</summary>
    public bool PreferVoiLut { get; init; }

    /// <summary>Ignore the file's VOI and always compute the window from the histogram.</summary>
    public bool ForceAutoWindow { get; init; }

    /// <summary>Lower percentile of the automatic window.</summary>
    public double LowPercentile { get; init; } = 0.5;

    /// <summary>Upper percentile of the automatic window.</summary>
    public double HighPercentile { get; init; } = 99.5;

    /// <summary>When above 0, a compressed frame whose codec can decode at a lower resolution (JPEG 2000 resolution
    /// levels, 8-bit JPEG DCT scaling) is decoded at the smallest size whose short side keeps at least this many
    /// pixels, with a note saying so. For the model input (a few hundred pixels), never for display or reports.</summary>
    public int MinimumShortSide { get; init; }

    /// <summary>Draw Pixel Padding pixels black (they carry no anatomy).</summary>
    public bool BlackenPadding { get; init; } = true;
}
