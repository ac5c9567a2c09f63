using System.Net;

namespace XrayTriage.Web.Tests;

/// <summary>Account changes reach sessions that are already open on the very next request: disabling the account,
/// a new security stamp (what a password change writes) and a removed role.</summary>
[Collection(SharedWebServer.Name)]
public sealed class AccountChangeTests(WebServer server)
{
    [Fact]
    public async Task UserDisable_OpenSession_EndsOnNextRequest()
    {
        await server.AddUserAsync("disabled.two", "radiologist");
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, "disabled.two");
        await AssertStatusAsync(client, HttpStatusCode.OK);

        (await server.RunAsync(["user", "disable", "disabled.two"])).EnsureSuccess("user disable");

        await AssertStatusAsync(client, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SecurityStampChanged_OpenSession_EndsOnNextRequest()
    {
        await server.AddUserAsync("stamped.two", "radiologist");
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, "stamped.two");
        await AssertStatusAsync(client, HttpStatusCode.OK);

        // Identity's UserManager writes a new stamp with every password change or reset.
        await server.ExecuteAsync(
            """UPDATE identity."AspNetUsers" SET "SecurityStamp" = gen_random_uuid()::text WHERE "UserName" = @name""",
            ("name", "stamped.two"));

        await AssertStatusAsync(client, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RoleRemoved_OpenSession_LosesAccessOnNextRequest()
    {
        await server.AddUserAsync("demoted.two", "radiologist");
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, "demoted.two");
        await AssertStatusAsync(client, HttpStatusCode.OK);

        await server.ExecuteAsync(
            """DELETE FROM identity."AspNetUserRoles" WHERE "UserId" = (""" +
            """SELECT "Id" FROM identity."AspNetUsers" WHERE "UserName" = @name)""",
            ("name", "demoted.two"));

        await AssertStatusAsync(client, HttpStatusCode.Forbidden);
    }

    private static async Task AssertStatusAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(new Uri("/api/studies", UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
    }
}
