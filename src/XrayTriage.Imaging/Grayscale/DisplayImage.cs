namespace XrayTriage.Imaging.Grayscale;

/// <summary>An 8-bit grayscale image where bright means dense (bone), row-major, with how it was windowed.</summary>
public sealed record DisplayImage(int Width, int Height, byte[] Pixels, string Window, bool Inverted)
{
    /// <summary>What of the file was not used as it stands, and why (an unusable LUT ignored, a colour source
    /// reduced to luminance): the warnings a viewer would show.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
