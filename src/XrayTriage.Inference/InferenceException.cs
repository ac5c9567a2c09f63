namespace XrayTriage.Inference;

/// <summary>The ensemble cannot be loaded or run: a bad manifest, a model file that does not match it,
/// an unavailable execution provider or a failed session run. The message names the file, field or member.</summary>
public sealed class InferenceException : Exception
{
    public InferenceException()
    {
    }

    public InferenceException(string message)
        : base(message)
    {
    }

    public InferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
