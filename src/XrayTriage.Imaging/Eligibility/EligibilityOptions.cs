namespace XrayTriage.Imaging.Eligibility;

/// <summary>Which instances are triaged. Defaults follow the intended use: adult-style frontal chest radiographs
/// from CR/DX; Secondary Capture (often screenshots or exports) only when a site enables it.</summary>
public sealed record EligibilityOptions
{
    public static EligibilityOptions Default { get; } = new();

    /// <summary>Also triage Secondary Capture instances whose Modality is CR or DX.</summary>
    public bool AllowSecondaryCapture { get; init; }

    /// <summary>Smallest Rows and Columns accepted (the model needs enough detail; thumbnails are skipped).</summary>
    public int MinimumSize { get; init; } = 256;

    public IReadOnlySet<string> Modalities { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "CR", "DX" };

    /// <summary>Body Part Examined values accepted; an absent or empty value is accepted too (real chest films lack it).</summary>
    public IReadOnlySet<string> BodyParts { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "CHEST", "THORAX" };

    /// <summary>View Position values accepted (frontal); absent is accepted; lateral views are not.</summary>
    public IReadOnlySet<string> ViewPositions { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "PA", "AP" };
}
