namespace XrayTriage.Imaging.Grayscale;

/// <summary>VOI LUT Function (0028,1056), PS3.3 C.11.2.1.2–3.</summary>
public enum VoiFunction
{
    Linear,
    LinearExact,
    Sigmoid,
}
