namespace XrayTriage.Dicom;

/// <summary>The input is not a readable DICOM data set; carries the tag being read and the byte offset.</summary>
public sealed class DicomParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DicomParseException()
        : this("The DICOM input could not be parsed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public DicomParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DicomParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its context.</summary>
    /// <param name="tag">The tag being read, if known.</param>
    /// <param name="offset">The byte offset in the input (of the decoded data set for deflated files).</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DicomParseException(DicomTag? tag, long offset, string reason, Exception? innerException = null)
        : base(Format(tag, offset, reason), innerException)
    {
        Tag = tag;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The tag being read, if known.</summary>
    public DicomTag? Tag { get; }

    /// <summary>The byte offset where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The reason without the tag/offset prefix.</summary>
    public string Reason { get; } = string.Empty;

    private static string Format(DicomTag? tag, long offset, string reason)
        => tag is { } t ? $"{DicomDataset.Describe(t)} at offset {offset}: {reason}" : $"At offset {offset}: {reason}";
}
