namespace XrayTriage.Reporting.Delivery;

/// <summary>One PACS (or other C-STORE SCP) that receives every report.</summary>
public sealed class PacsDestinationOptions
{
    /// <summary>Stable name: the outbox rows, audit events, metrics and <c>xraytriage outbox</c> use it. Renaming a
    /// destination starts a new queue; reports already queued under the old name stay there.</summary>
    public string Name { get; set; } = string.Empty;

    public string AeTitle { get; set; } = string.Empty;

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 104;

    /// <summary>Reports sent to this destination at once, each over its own association (1–16). Versions of one study
    /// still go one after the other, oldest first.</summary>
    public int MaxAssociations { get; set; } = 4;

    /// <summary>DICOM TLS (PS3.15 B.12); off unless <see cref="PacsTlsOptions.Enabled"/>.</summary>
    public PacsTlsOptions Tls { get; set; } = new();
}
