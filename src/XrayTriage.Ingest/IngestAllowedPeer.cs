namespace XrayTriage.Ingest;

/// <summary>One allow-list entry of <see cref="IngestOptions.AllowedPeers"/>: an AE title, optionally only from one address.</summary>
public sealed class IngestAllowedPeer
{
    public string AeTitle { get; set; } = "";

    public string? Address { get; set; }
}
