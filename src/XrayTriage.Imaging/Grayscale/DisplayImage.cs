namespace XrayTriage.Imaging.Grayscale;

/// <summary>An 8-bit grayscale image where bright means dense (bone), row-major, with how it was windowed.</summary>
public sealed record DisplayImage(int Width, int Height, byte[] Pixels, string Window, bool Inverted);
