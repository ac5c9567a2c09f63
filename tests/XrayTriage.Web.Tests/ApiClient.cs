using System.Net;
using System.Text.RegularExpressions;

namespace XrayTriage.Web.Tests;

/// <summary>An integration's HTTP client: signs in through the login form (antiforgery token and all) and keeps the
/// session cookie; or stays anonymous.</summary>
public static partial class ApiClient
{
    public static HttpClient Anonymous(Uri baseAddress)
        => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string user, string password = TestUsers.Password)
    {
        var client = Anonymous(baseAddress);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on the login page");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
