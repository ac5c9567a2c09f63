namespace XrayTriage.Triage;

/// <summary>The spooled file of a claimed instance is missing, too large or not the file ingest recorded.</summary>
public sealed class SpoolFileException : Exception
{
    public SpoolFileException()
    {
    }

    public SpoolFileException(string message)
        : base(message)
    {
    }

    public SpoolFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
