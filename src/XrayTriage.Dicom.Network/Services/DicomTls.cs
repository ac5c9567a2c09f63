using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>The TLS handshake of either side, bounded by <see cref="DicomTlsOptions.HandshakeTimeout"/>, and peer
/// certificate checks.</summary>
internal static class DicomTls
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    public static async Task<SslStream> AuthenticateAsServerAsync(
        Stream transport, DicomTlsOptions options, string peer, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificate = options.Certificate,
            ClientCertificateRequired = options.RequireClientCertificate,
            EnabledSslProtocols = DicomTlsOptions.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback =
                (_, certificate, chain, errors) => IsTrusted(options, certificate, chain, errors, isServer: true),
        };
        return await HandshakeAsync(
            transport,
            options,
            peer,
            timeProvider,
            (ssl, token) => ssl.AuthenticateAsServerAsync(authentication, token),
            cancellationToken);
    }

    public static async Task<SslStream> AuthenticateAsClientAsync(
        Stream transport,
        DicomTlsOptions options,
        string host,
        string peer,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = options.TargetHost ?? host,
            ClientCertificates = options.Certificate is null ? null : [options.Certificate],
            EnabledSslProtocols = DicomTlsOptions.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback =
                (_, certificate, chain, errors) => IsTrusted(options, certificate, chain, errors, isServer: false),
        };
        return await HandshakeAsync(
            transport,
            options,
            peer,
            timeProvider,
            (ssl, token) => ssl.AuthenticateAsClientAsync(authentication, token),
            cancellationToken);
    }

    private static async Task<SslStream> HandshakeAsync(
        Stream transport,
        DicomTlsOptions options,
        string peer,
        TimeProvider timeProvider,
        Func<SslStream, CancellationToken, Task> handshake,
        CancellationToken cancellationToken)
    {
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await handshake(ssl, linked.Token);
            return ssl;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync();
            throw new DicomNetworkException(
                $"The TLS handshake with {peer} did not finish within {options.HandshakeTimeout}.", isTransient: true);
        }
        catch (AuthenticationException ex)
        {
            await ssl.DisposeAsync();
            throw new DicomNetworkException($"The TLS handshake with {peer} failed: {ex.Message}", isTransient: false, innerException: ex);
        }
        catch (IOException ex)
        {
            await ssl.DisposeAsync();
            throw new DicomNetworkException(
                $"The connection to {peer} broke during the TLS handshake: {ex.Message}", isTransient: true, innerException: ex);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    private static bool IsTrusted(
        DicomTlsOptions options,
        System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors,
        bool isServer)
    {
        if (certificate is not X509Certificate2 presented)
        {
            return isServer && !options.RequireClientCertificate;
        }

        if (!isServer && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (options.TrustedCertificates is not { Count: > 0 } trusted)
        {
            return errors == SslPolicyErrors.None;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(new Oid(isServer ? ClientAuthentication : ServerAuthentication));
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        return custom.Build(presented);
    }
}
