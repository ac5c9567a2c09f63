using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>HTTPS is configuration only: an https URL and Kestrel's certificate settings; the session cookies are then Secure.</summary>
[Collection(SharedWebServer.Name)]
public sealed class HttpsTests(WebServer server)
{
    [Fact]
    public async Task Serve_HttpsUrlWithKestrelCertificate_ServesTheLoginPageWithSecureCookies()
    {
        using var certificates = TestCertificates.Create();
        var spool = Directory.CreateTempSubdirectory("xraytriage-web-https-spool-").FullName;
        var port = FreePort.Next();
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=https://127.0.0.1:{port}", $"--Dicom:Port={FreePort.Next()}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}",
                 $"--Kestrel:Certificates:Default:Path={certificates.ServerCertificate}",
                 $"--Kestrel:Certificates:Default:KeyPath={certificates.ServerKey}"],
                server.Environment());
            using var ca = X509CertificateLoader.LoadCertificateFromFile(certificates.CaCertificate);
            using var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => TrustedBy(ca, certificate, errors),
            };
            using var http = new HttpClient(handler)
            {
                BaseAddress = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            };
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
            HttpResponseMessage? response = null;
            while (response is null)
            {
                Assert.False(serve.HasExited, serve.Output);
                try
                {
                    response = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
                }
                catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
                {
                    await Task.Delay(250);
                }
            }

            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cookies = string.Join("\n", response.Headers.GetValues("Set-Cookie"));
                Assert.Contains("xraytriage.antiforgery", cookies, StringComparison.Ordinal);
                Assert.Contains("secure", cookies, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static bool TrustedBy(X509Certificate2 ca, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
