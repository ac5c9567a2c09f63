using Microsoft.Playwright;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary><c>xraytriage user</c> against the fixture's database: list, disable (then the login page refuses the
/// account), and the password rules.</summary>
[Collection(SharedWebServer.Name)]
public sealed class UserCommandTests(WebServer server)
{
    private Task<ProcessResult> RunAsync(string[] arguments, string? input = null) => server.RunAsync(arguments, input);

    [Fact]
    public async Task UserList_FixtureAccounts_ShowsNamesAndRoles()
    {
        var list = await RunAsync(["user", "list"]);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"{TestUsers.Admin}  admin", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{TestUsers.Radiologist}  radiologist", list.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUsers.Password, list.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_WeakPasswordOrExistingName_IsRefused()
    {
        var weak = await RunAsync(["user", "add", "weak.one", "--role", "radiologist"], "short\n");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.StandardError, StringComparison.Ordinal);
        Assert.Equal(0L, await server.ScalarAsync<long>("""SELECT count(*) FROM identity."AspNetUsers" WHERE "UserName" = 'weak.one'"""));

        var again = await RunAsync(["user", "add", TestUsers.Admin, "--role", "admin"], TestUsers.Password + "\n");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.StandardError, StringComparison.Ordinal);

        var role = await RunAsync(["user", "add", "odd.one", "--role", "janitor"], TestUsers.Password + "\n");
        Assert.NotEqual(0, role.ExitCode);
    }

    [Fact]
    public async Task UserDisable_Account_CanNoLongerSignIn()
    {
        (await RunAsync(["user", "add", "leaving.one", "--role", "radiologist"], TestUsers.Password + "\n")).EnsureSuccess("user add");
        (await RunAsync(["user", "disable", "leaving.one"])).EnsureSuccess("user disable");
        Assert.Contains("leaving.one  radiologist  disabled", (await RunAsync(["user", "list"])).StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'SecurityAlert' AND subject = 'user leaving.one' " +
            "AND detail = 'account disabled'"));

        await using var browser = await BrowserSession.StartAsync(server);
        await browser.Page.GotoAsync("/account/login");
        await browser.Page.GetByLabel("User name").FillAsync("leaving.one");
        await browser.Page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("#login-error")).ToContainTextAsync("locked or disabled");
    }
}
