using System.Net;

namespace XrayTriage.Web.Tests;

/// <summary>Sessions live on the server (<c>identity.sessions</c>): a cookie saved before sign-out, or one whose
/// session has expired on the server, opens nothing.</summary>
[Collection(SharedWebServer.Name)]
public sealed class SessionTests(WebServer server)
{
    [Fact]
    public async Task Logout_SavedCookieReplayed_IsRejected()
    {
        var cookies = new CookieContainer();
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist, cookies: cookies);
        var saved = cookies.GetCookieHeader(server.BaseAddress);
        using (var before = await Replay(saved, "/api/studies"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await ApiClient.AntiforgeryTokenAsync(client, "/"),
        });
        using (var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), logout))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var api = await Replay(saved, "/api/studies");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var page = await Replay(saved, "/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_ExpiredOnServer_IsRejected()
    {
        var cookies = new CookieContainer();
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Admin, cookies: cookies);
        using (var before = await client.GetAsync(new Uri("/api/studies", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.ExecuteAsync("""
            UPDATE identity.sessions SET expires_at = now() - interval '1 minute'
            WHERE user_id = (SELECT "Id" FROM identity."AspNetUsers" WHERE "UserName" = @name)
            """, ("name", TestUsers.Admin));
        using var after = await Replay(cookies.GetCookieHeader(server.BaseAddress), "/api/studies");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    /// <summary>A client that sends exactly this Cookie header, as an attacker holding a copied cookie would.</summary>
    private async Task<HttpResponseMessage> Replay(string cookieHeader, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }
}
