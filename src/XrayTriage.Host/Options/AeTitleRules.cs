namespace XrayTriage.Host.Options;

/// <summary>Application Entity title rules (PS3.5 §6.2, VR AE): 1–16 characters of the default
/// repertoire, no backslash, no control characters, not only spaces.</summary>
internal static class AeTitleRules
{
    public const int MaxLength = 16;

    /// <summary>Null when <paramref name="aeTitle"/> is valid, else what is wrong with it.</summary>
    public static string? Check(string? aeTitle)
    {
        if (string.IsNullOrWhiteSpace(aeTitle))
        {
            return "must not be empty or only spaces.";
        }

        if (aeTitle.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters (got {aeTitle.Length}: \"{aeTitle}\").";
        }

        foreach (var c in aeTitle)
        {
            if (c is '\\' || c < 0x20 || c > 0x7E)
            {
                return $"contains an illegal character (U+{(int)c:X4}); use printable ASCII without backslash.";
            }
        }

        return null;
    }
}
