using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>DICOM TLS for a listener or a destination: TLS 1.2 or 1.3 only, our certificate, the certificates we trust.</summary>
/// <remarks>
/// PS3.15 §B.12 (BCP 195 TLS Secure Transport Connection Profile). On a listener, <see cref="Certificate"/> is the
/// server certificate and <see cref="RequireClientCertificate"/> turns on mutual TLS; on a destination it is the
/// optional client certificate. The peer's certificate is verified against <see cref="TrustedCertificates"/> when
/// given (a private CA), otherwise against the system store; revocation is not checked.
/// </remarks>
public sealed class DicomTlsOptions
{
    /// <summary>The only protocol versions offered or accepted.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Gets our certificate with its private key (required on a listener).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Gets the CA (or self-signed) certificates that peer certificates must chain to; <see langword="null"/> uses
    /// the system store.</summary>
    public X509Certificate2Collection? TrustedCertificates { get; init; }

    /// <summary>Gets whether a listener requires a valid client certificate (mutual TLS).</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Gets the longest a TLS handshake may take; a peer that stalls it is disconnected.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the name a destination's certificate must carry; the host we connect to when <see langword="null"/>.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Loads a certificate with its private key from PEM files or from a PKCS #12 (PFX) file.</summary>
    /// <param name="certificatePath">A PEM certificate, or a <c>.pfx</c>/<c>.p12</c> file.</param>
    /// <param name="keyPath">The PEM private key (for PEM; <see langword="null"/> when the certificate file holds it too).</param>
    /// <param name="password">The PFX password, if any.</param>
    /// <returns>The certificate.</returns>
    public static X509Certificate2 LoadCertificate(string certificatePath, string? keyPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        var extension = Path.GetExtension(certificatePath);
        return extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password)
            : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    /// <summary>Loads every certificate of a PEM file (a CA bundle) to use as <see cref="TrustedCertificates"/>.</summary>
    /// <param name="pemPath">The PEM file.</param>
    /// <returns>The certificates.</returns>
    public static X509Certificate2Collection LoadTrustedCertificates(string pemPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pemPath);
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pemPath);
        return certificates;
    }
}
