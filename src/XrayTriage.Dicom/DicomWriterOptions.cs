namespace XrayTriage.Dicom;

/// <summary>Options of the Part 10 writer.</summary>
public sealed record DicomWriterOptions
{
    /// <summary>Our Implementation Class UID (a UUID-derived UID, PS3.5 Annex B.2).</summary>
    public const string XrayTriageImplementationClassUid = "2.25.302941321771032204099930743119397082272";

    /// <summary>Our Implementation Version Name.</summary>
    public const string XrayTriageImplementationVersionName = "XRAYTRIAGE_010";

    /// <summary>The defaults: keep the file's transfer syntax, our implementation identity.</summary>
    public static DicomWriterOptions Default { get; } = new();

    /// <summary>Write in this transfer syntax instead of the file's (Explicit/Implicit VR LE, Deflated, Big Endian;
    /// encapsulated stays encapsulated).</summary>
    public TransferSyntax? TransferSyntax { get; init; }

    /// <summary>Implementation Class UID (0002,0012).</summary>
    public string ImplementationClassUid { get; init; } = XrayTriageImplementationClassUid;

    /// <summary>Implementation Version Name (0002,0013).</summary>
    public string ImplementationVersionName { get; init; } = XrayTriageImplementationVersionName;
}
