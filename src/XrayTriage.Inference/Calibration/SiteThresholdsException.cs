namespace XrayTriage.Inference.Calibration;

/// <summary>A site thresholds file cannot be read, is malformed, or was calibrated for another model. The message names
/// the file and the problem; the caller names the setting or option that pointed at it.</summary>
public sealed class SiteThresholdsException : Exception
{
    public SiteThresholdsException()
    {
    }

    public SiteThresholdsException(string message)
        : base(message)
    {
    }

    public SiteThresholdsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
