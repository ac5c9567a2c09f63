using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace XrayTriage.Testing;

/// <summary>A private CA with a server certificate (127.0.0.1, localhost) and a client certificate, plus a client
/// certificate from an unrelated CA; all written as PEM files for DCMTK and loaded back for our side.</summary>
public sealed class TestCertificates : IDisposable
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaCertificate => Path.Combine(Folder, "ca.crt");

    public string ServerCertificate => Path.Combine(Folder, "server.crt");

    public string ServerKey => Path.Combine(Folder, "server.key");

    public string ClientCertificate => Path.Combine(Folder, "client.crt");

    public string ClientKey => Path.Combine(Folder, "client.key");

    public string RogueClientCertificate => Path.Combine(Folder, "rogue-client.crt");

    public string RogueClientKey => Path.Combine(Folder, "rogue-client.key");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(Directory.CreateTempSubdirectory("xraytriage-tls-").FullName);
        var now = TimeProvider.System.GetUtcNow();
        using var ca = CreateAuthority("CN=XrayTriage Test CA", now);
        using var rogue = CreateAuthority("CN=Someone Else's CA", now);
        File.WriteAllText(certificates.CaCertificate, ca.ExportCertificatePem());
        Issue(ca, "CN=localhost", ServerAuthentication, now, certificates.ServerCertificate, certificates.ServerKey, withServerNames: true);
        Issue(ca, "CN=XRAYSCU", ClientAuthentication, now, certificates.ClientCertificate, certificates.ClientKey, withServerNames: false);
        Issue(
            rogue, "CN=ROGUE", ClientAuthentication, now, certificates.RogueClientCertificate, certificates.RogueClientKey,
            withServerNames: false);
        return certificates;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static X509Certificate2 CreateAuthority(string subject, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private static void Issue(
        X509Certificate2 authority,
        string subject,
        string usage,
        DateTimeOffset now,
        string certificatePath,
        string keyPath,
        bool withServerNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (withServerNames)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(authority, now.AddMinutes(-5), now.AddDays(1), serial);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
