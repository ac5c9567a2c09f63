namespace XrayTriage.Imaging;

/// <summary>Pixel data that cannot be turned into an image: unsupported encoding, inconsistent attributes,
/// sizes over the configured limits, truncated data. The message says which and why.</summary>
public sealed class ImagingException : Exception
{
    public ImagingException()
    {
    }

    public ImagingException(string message)
        : base(message)
    {
    }

    public ImagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
