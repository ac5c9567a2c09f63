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

    /// <summary>Draw Pixel Padding pixels black (they carry no anatomy).</summary>
    public bool BlackenPadding { get; init; } = true;
}
