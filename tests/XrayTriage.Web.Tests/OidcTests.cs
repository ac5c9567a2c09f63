using System.Globalization;
using System.Net;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>With <c>Web:Oidc</c> configured, the login page offers hospital sign-in and starting it redirects to the
/// provider's authorization endpoint (authorization code flow with PKCE, our client id and callback).</summary>
[Collection(SharedWebServer.Name)]
public sealed class OidcTests(WebServer server)
{
    [Fact]
    public async Task Login_OidcConfigured_OffersSsoAndRedirectsToTheProvider()
    {
        await using var provider = new FakeIdentityProvider();
        var spool = Directory.CreateTempSubdirectory("xraytriage-web-oidc-spool-").FullName;
        var port = FreePort.Next();
        var environment = server.Environment();
        environment["Web__Oidc__ClientSecret"] = "not-a-real-secret";
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=http://127.0.0.1:{port}", $"--Dicom:Port={FreePort.Next()}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}",
                 "--Web:Oidc:Enabled=true", $"--Web:Oidc:Authority={provider.Authority}", "--Web:Oidc:RequireHttpsMetadata=false",
                 "--Web:Oidc:ClientId=xraytriage-web", "--Web:Oidc:AdminValues:0=pacs-admins",
                 "--Web:Oidc:DisplayName=St Elsewhere sign-in"],
                environment);
            using var http = ApiClient.Anonymous(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
            string? login = null;
            while (login is null)
            {
                Assert.False(serve.HasExited, serve.Output);
                try
                {
                    login = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
                }
                catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
                {
                    await Task.Delay(250);
                }
            }

            Assert.Contains("St Elsewhere sign-in", login, StringComparison.Ordinal);
            using var challenge = await http.GetAsync(new Uri("/account/sso?returnUrl=%2F", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var location = challenge.Headers.Location!.ToString();
            Assert.StartsWith(provider.Authority + "/authorize?", location, StringComparison.Ordinal);
            Assert.Contains("client_id=xraytriage-web", location, StringComparison.Ordinal);
            Assert.Contains("response_type=code", location, StringComparison.Ordinal);
            Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString($"http://127.0.0.1:{port}/signin-oidc"), location, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-real-secret", location, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
