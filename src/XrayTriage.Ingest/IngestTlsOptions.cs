namespace XrayTriage.Ingest;

/// <summary>Section <c>Dicom:Tls</c>: the listener's certificate (PEM with key, or PFX) and, for mutual TLS, the CA bundle
/// peers must chain to.</summary>
public sealed class IngestTlsOptions
{
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    public string? TrustedCaPath { get; set; }

    public bool RequireClientCertificate { get; set; }

    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
