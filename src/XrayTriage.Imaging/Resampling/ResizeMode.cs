namespace XrayTriage.Imaging.Resampling;

/// <summary>How a non-square film is fitted into the model's square input.</summary>
public enum ResizeMode
{
    /// <summary>Scale each axis independently to fill the input.</summary>
    Stretch,

    /// <summary>Keep the aspect ratio and pad the short side with black, centred.</summary>
    Pad,
}
