using Microsoft.Playwright;

namespace XrayTriage.Web.Tests;

/// <summary>One browser context (its own cookies, like a separate person) in the fixture's Debian chromium, at the
/// 1366×768 screen the pages must fit.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> StartAsync(WebServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>Debian's chromium driven by Playwright (never a downloaded browser), headless with the flags this
    /// machine needs; Playwright gives the launch its own temporary profile.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>Signs in through the login page like a person: labels, typing, the button.</summary>
    public async Task SignInAsync(string user, string password = TestUsers.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("User name").FillAsync(user);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
