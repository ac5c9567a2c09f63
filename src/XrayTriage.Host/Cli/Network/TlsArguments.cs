using System.CommandLine;
using System.Security.Cryptography;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Host.Cli.Network;

/// <summary>The <c>--tls</c>, <c>--tls-cert</c>, <c>--tls-key</c> and <c>--tls-ca</c> options of the network verbs (PS3.15 B.12).</summary>
internal sealed class TlsArguments
{
    private readonly Option<bool> _tls = new("--tls")
    {
        Description = "Use DICOM TLS (TLS 1.2 or 1.3); implied by any other --tls-* option.",
    };

    private readonly Option<string?> _certificate = new("--tls-cert")
    {
        Description = "Our certificate: PEM (with --tls-key) or PFX/P12. " +
            "Required by receive; optional client certificate for echo/send.",
    };

    private readonly Option<string?> _key = new("--tls-key") { Description = "The PEM private key of --tls-cert." };
    private readonly Option<string?> _authority;

    public TlsArguments(bool listener)
    {
        _authority = new Option<string?>("--tls-ca")
        {
            Description = listener
                ? "PEM CA certificates; clients must present a certificate signed by one (mutual TLS)."
                : "PEM CA certificates the peer's certificate must chain to (default: the system store).",
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_tls);
        command.Options.Add(_certificate);
        command.Options.Add(_key);
        command.Options.Add(_authority);
    }

    /// <summary>The TLS settings, <see langword="null"/> without TLS; throws <see cref="ArgumentException"/> naming the bad
    /// option.</summary>
    public DicomTlsOptions? Read(ParseResult parseResult)
    {
        var certificate = parseResult.GetValue(_certificate);
        var key = parseResult.GetValue(_key);
        var authority = parseResult.GetValue(_authority);
        if (!parseResult.GetValue(_tls) && certificate is null && key is null && authority is null)
        {
            return null;
        }

        try
        {
            return new DicomTlsOptions
            {
                Certificate = certificate is null ? null : DicomTlsOptions.LoadCertificate(certificate, key),
                TrustedCertificates = authority is null ? null : DicomTlsOptions.LoadTrustedCertificates(authority),
                RequireClientCertificate = authority is not null,
            };
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--tls-cert/--tls-key/--tls-ca: {ex.Message}", ex);
        }
    }
}
