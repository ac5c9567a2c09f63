using System.Net;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Dicom.Network.UpperLayer.Negotiation;

namespace XrayTriage.Ingest;

/// <summary>Turns validated <see cref="IngestOptions"/> into the toolkit's <see cref="DicomScpOptions"/>.</summary>
internal static class DicomScpOptionsFactory
{
    public static DicomScpOptions Create(IngestOptions options, InstanceSpool spool, IAssociationGate? gate = null)
    {
        var tls = options.Tls;
        return new DicomScpOptions
        {
            AeTitle = options.AeTitle,
            RequireCalledAeTitle = options.RequireCalledAeTitle,
            BindAddress = IPAddress.Parse(options.BindAddress),
            Port = options.Port,
            AllowedCallingAeTitles = options.AllowedCallingAeTitles.Count == 0
                ? null
                : options.AllowedCallingAeTitles.ToHashSet(StringComparer.Ordinal),
            AllowedCallingPeers = options.AllowedPeers.Count == 0
                ? null
                : options.AllowedPeers
                    .Select(p => new AllowedPeer(p.AeTitle, string.IsNullOrWhiteSpace(p.Address) ? null : IPAddress.Parse(p.Address)))
                    .ToList(),
            AcceptedSopClasses = IngestNegotiation.StorageSopClasses,
            TransferSyntaxes = IngestNegotiation.TransferSyntaxes,
            MaxAssociations = options.MaxAssociations,
            MaxAssociationsPerPeer = Math.Min(options.MaxAssociationsPerPeer, options.MaxAssociations),
            AssociationGate = gate,
            MaxPendingConnections = options.MaxPendingConnections,
            ArtimTimeout = options.ArtimTimeout,
            IdleTimeout = options.IdleTimeout,
            AssociationTimeout = options.AssociationTimeout,
            MaxPduLength = options.MaxPduLength,
            // Data sets past the memory threshold spill next to the spool, on the disk the watermark guards,
            // not into /tmp (often a RAM-backed tmpfs).
            Reassembly = new ReassemblyOptions { TemporaryDirectory = spool.IncomingDirectory },
            Tls = tls.Enabled
                ? new DicomTlsOptions
                {
                    Certificate = DicomTlsOptions.LoadCertificate(tls.CertificatePath!, tls.KeyPath),
                    TrustedCertificates = string.IsNullOrWhiteSpace(tls.TrustedCaPath)
                        ? null
                        : DicomTlsOptions.LoadTrustedCertificates(tls.TrustedCaPath),
                    RequireClientCertificate = tls.RequireClientCertificate,
                    HandshakeTimeout = tls.HandshakeTimeout,
                }
                : null,
        };
    }
}
