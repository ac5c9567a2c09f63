using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>Settings of an association requested by <see cref="DicomScu"/>.</summary>
/// <remarks>PS3.8 §9.1.5 (ARTIM) and §7.1 (A-ASSOCIATE parameters).</remarks>
public sealed class DicomScuOptions
{
    /// <summary>Gets the peer's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the peer's port.</summary>
    public required int Port { get; init; }

    /// <summary>Gets our AE title.</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>Gets the peer's AE title.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Gets the time allowed to open the TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets the ARTIM timeout: how long to wait for A-ASSOCIATE-AC/RJ and A-RELEASE-RP.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long to wait for a DIMSE response.</summary>
    public TimeSpan DimseTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the Maximum Length we advertise for received P-DATA-TF PDUs.</summary>
    public uint MaxPduLength { get; init; } = PduLimits.DefaultMaxPDataPduLength;

    /// <summary>Gets DICOM TLS settings; <see langword="null"/> connects without TLS.</summary>
    /// <remarks>PS3.15 §B.12.</remarks>
    public DicomTlsOptions? Tls { get; init; }

    /// <summary>Gets the implementation class UID sent in the A-ASSOCIATE-RQ.</summary>
    public string ImplementationClassUid { get; init; } = NetworkIdentity.ImplementationClassUid;

    /// <summary>Gets the implementation version name sent in the A-ASSOCIATE-RQ.</summary>
    public string ImplementationVersionName { get; init; } = NetworkIdentity.ImplementationVersionName;
}
