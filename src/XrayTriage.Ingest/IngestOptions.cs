using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Ingest;

/// <summary>
/// The DICOM listener and its spool. Section <c>Dicom</c> (env <c>Dicom__AeTitle</c>, <c>Dicom__Port</c>,
/// <c>Dicom__SpoolPath</c>, <c>Dicom__AllowedPeers__0__AeTitle</c>, …). A superset of the Host's former
/// <c>DicomOptions</c> (AeTitle, Port), so the same configuration binds to it unchanged.
/// </summary>
public sealed class IngestOptions
{
    public const string SectionName = "Dicom";

    public const long DefaultMinFreeDiskBytes = 1L << 30;

    public string AeTitle { get; set; } = "XRAYTRIAGE";

    /// <summary>
    /// Whether a peer must call us by <see cref="AeTitle"/>. Off by default, as DCMTK's storescp and Orthanc: any valid
    /// called AE title is accepted and logged; who may send is decided by the calling AE/address allow-lists and TLS.
    /// </summary>
    public bool RequireCalledAeTitle { get; set; }

    public int Port { get; set; } = 11112;

    /// <summary>Address to listen on; loopback unless a site opens it (0.0.0.0 for every interface).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Spool folder; a relative path is resolved against the application's content root.</summary>
    public string SpoolPath { get; set; } = "spool";

    /// <summary>Below this much free space on the spool's file system every C-STORE is refused with A700.</summary>
    public long MinFreeDiskBytes { get; set; } = DefaultMinFreeDiskBytes;

    /// <summary>Calling AE titles allowed to associate; empty allows any.</summary>
    public List<string> AllowedCallingAeTitles { get; set; } = [];

    /// <summary>Calling AE titles each pinned to a source address (the usual hospital allow-list); empty allows any.</summary>
    public List<IngestAllowedPeer> AllowedPeers { get; set; } = [];

    public int MaxAssociations { get; set; } = 16;

    /// <summary>Concurrent associations of one peer (calling AE title and source address), so one peer cannot hold
    /// every slot and lock the others out; a value above <see cref="MaxAssociations"/> acts as <see cref="MaxAssociations"/>.</summary>
    public int MaxAssociationsPerPeer { get; set; } = 4;

    public int MaxPendingConnections { get; set; } = 256;

    /// <summary>Maximum Length advertised for received P-DATA-TF PDUs (PS3.8 D.1).</summary>
    public uint MaxPduLength { get; set; } = PduLimits.DefaultMaxPDataPduLength;

    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan AssociationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long in-flight associations may finish when the service stops.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>DICOM TLS (PS3.15 B.12); off unless <see cref="IngestTlsOptions.CertificatePath"/> is set.</summary>
    public IngestTlsOptions Tls { get; set; } = new();
}
