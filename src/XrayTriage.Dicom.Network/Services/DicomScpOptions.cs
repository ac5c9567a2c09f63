using System.Net;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>Settings of a storage/verification SCP.</summary>
/// <remarks>PS3.8 §9.1.5 (ARTIM) and PS3.7 Annex D.3 (negotiation); time limits guard every phase.</remarks>
public sealed class DicomScpOptions
{
    /// <summary>Gets the AE title the SCP answers to.</summary>
    public required string AeTitle { get; init; }

    /// <summary>Gets whether associations calling another AE title than <see cref="AeTitle"/> are rejected;
    /// <see langword="false"/> (the default) accepts any valid called AE title.</summary>
    /// <remarks>PS3.8 §9.3.4; access control is the calling AE/address allow-lists and TLS, not the called AE title.</remarks>
    public bool RequireCalledAeTitle { get; init; }

    /// <summary>Gets the address to listen on (loopback by default).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Gets the TCP port; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Gets the calling AE titles allowed; <see langword="null"/> allows any.</summary>
    public IReadOnlySet<string>? AllowedCallingAeTitles { get; init; }

    /// <summary>Gets the calling peers allowed, each optionally pinned to a source address; <see langword="null"/> allows any.</summary>
    public IReadOnlyList<UpperLayer.Negotiation.AllowedPeer>? AllowedCallingPeers { get; init; }

    /// <summary>Gets the SOP classes accepted besides Verification (which is always accepted).</summary>
    public IReadOnlySet<string> AcceptedSopClasses { get; init; } = new HashSet<string>();

    /// <summary>Gets the accepted transfer syntaxes, most preferred first.</summary>
    public IReadOnlyList<string> TransferSyntaxes { get; init; } = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"];

    /// <summary>Gets the maximum number of concurrent associations; further requests are rejected transiently.</summary>
    public int MaxAssociations { get; init; } = 16;

    /// <summary>Gets the maximum number of concurrent associations of one peer (calling AE title and source address),
    /// 1 to <see cref="MaxAssociations"/>; <see langword="null"/> sets no limit per peer. Further requests of that peer
    /// are rejected transiently ("local limit exceeded") while other peers are still accepted.</summary>
    public int? MaxAssociationsPerPeer { get; init; }

    /// <summary>Gets how many connections may wait for their A-ASSOCIATE-RQ at once; further connections are closed at once.</summary>
    public int MaxPendingConnections { get; init; } = 256;

    /// <summary>Gets the ARTIM timeout: connect-to-A-ASSOCIATE-RQ and release/reject-to-close (PS3.8 §9.1.5).</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long an established association may stay silent before it is aborted.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the longest an association may last in total.</summary>
    public TimeSpan AssociationTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets the Maximum Length advertised for received P-DATA-TF PDUs.</summary>
    public uint MaxPduLength { get; init; } = PduLimits.DefaultMaxPDataPduLength;

    /// <summary>Gets the bounds for reassembling messages (memory threshold, temporary directory).</summary>
    public ReassemblyOptions Reassembly { get; init; } = new();

    /// <summary>Gets DICOM TLS settings; <see langword="null"/> listens without TLS.</summary>
    /// <remarks>PS3.15 §B.12; the handshake runs on the connection's own task, bounded by
    /// <see cref="DicomTlsOptions.HandshakeTimeout"/>.</remarks>
    public DicomTlsOptions? Tls { get; init; }

    /// <summary>Gets the application's check of each association that passed the SCP's own checks;
    /// <see langword="null"/> accepts them all.</summary>
    /// <remarks>PS3.8 §9.2 (Sta3, local A-ASSOCIATE response); see <see cref="IAssociationGate"/> and
    /// <see cref="AssociationGateDecision"/>.</remarks>
    public IAssociationGate? AssociationGate { get; init; }

    /// <summary>Gets the implementation class UID sent in the A-ASSOCIATE-AC.</summary>
    public string ImplementationClassUid { get; init; } = NetworkIdentity.ImplementationClassUid;

    /// <summary>Gets the implementation version name sent in the A-ASSOCIATE-AC.</summary>
    public string ImplementationVersionName { get; init; } = NetworkIdentity.ImplementationVersionName;
}
