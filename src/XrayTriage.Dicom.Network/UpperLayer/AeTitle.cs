namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Validation and comparison of Application Entity titles.</summary>
/// <remarks>
/// PS3.5 §6.2 (AE value representation): at most 16 characters of the default character repertoire,
/// no backslash and no control characters; leading and trailing spaces are not significant and a value
/// of only spaces is not a title. PS3.8 §9.3.2 carries it in a 16-byte space-padded field.
/// </remarks>
public static class AeTitle
{
    /// <summary>The maximum length of an AE title.</summary>
    public const int MaxLength = 16;

    /// <summary>Checks whether <paramref name="value"/> is a valid AE title.</summary>
    /// <param name="value">The candidate title.</param>
    /// <param name="reason">Why it is invalid, or <see langword="null"/> when valid.</param>
    /// <returns><see langword="true"/> when the title may be used.</returns>
    public static bool IsValid(string? value, out string? reason)
    {
        reason = value switch
        {
            null => "is missing",
            { Length: > MaxLength } => $"has {value.Length} characters (at most {MaxLength})",
            _ when value.Trim(' ').Length == 0 => "is empty or only spaces",
            _ when value.Contains('\\', StringComparison.Ordinal) => "contains a backslash",
            _ when value.Any(c => c < 0x20 || c > 0x7E) => "contains a control or non-ASCII character",
            _ => null,
        };
        return reason is null;
    }

    /// <summary>Checks whether <paramref name="value"/> is a valid AE title.</summary>
    /// <param name="value">The candidate title.</param>
    /// <returns><see langword="true"/> when the title may be used.</returns>
    public static bool IsValid(string? value) => IsValid(value, out _);

    /// <summary>Compares two AE titles, ignoring leading and trailing spaces (case-sensitive, as PS3.5 defines).</summary>
    /// <param name="left">One title.</param>
    /// <param name="right">The other title.</param>
    /// <returns><see langword="true"/> when both denote the same AE.</returns>
    public static bool AreEqual(string? left, string? right) =>
        string.Equals(left?.Trim(' '), right?.Trim(' '), StringComparison.Ordinal);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="value"/> is not a valid AE title.</summary>
    /// <param name="value">The candidate title.</param>
    /// <param name="paramName">The parameter name to report.</param>
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        if (!IsValid(value, out var reason))
        {
            throw new ArgumentException($"AE title '{value}' {reason}.", paramName);
        }
    }
}
