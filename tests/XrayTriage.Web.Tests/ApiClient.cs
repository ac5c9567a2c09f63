using System.Net;
using System.Text.RegularExpressions;

namespace XrayTriage.Web.Tests;

/// <summary>An integration's HTTP client: signs in through the login form (antiforgery token and all) and keeps the
/// session cookie; or stays anonymous.</summary>
public static partial class ApiClient
{
    public static HttpClient Anonymous(Uri baseAddress, CookieContainer? cookies = null)
        => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };

    public static async Task<HttpClient> SignedInAsync(
        Uri baseAddress, string user, string password = TestUsers.Password, CookieContainer? cookies = null)
    {
        var client = Anonymous(baseAddress, cookies);
        using var response = await PostLoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fills in and posts the login form; the caller owns the response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/account/login"),
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {path}");
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
