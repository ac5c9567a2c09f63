using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>
/// The README's quick start as a contract (issue 19): its "See it work" commands run as written, on a copy of this
/// checkout (its own <c>.data/</c>: a private PostgreSQL cluster, a new admin) with free ports given the way a user
/// would (<c>Urls</c>, <c>Dicom__Port</c>). Checks what each step shows: the password printed once and kept in
/// <c>.data/admin.password</c> (0600), the demo's triage lines, the sign-in in Debian's chromium, the films on the
/// worklist (screenshot docs/screenshots/demo-worklist.png), <c>classify</c>'s result, and a clean stop.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class QuickStartTests : IDisposable
{
    private static readonly TimeSpan FirstRunLimit = TimeSpan.FromMinutes(20);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("xraytriage-quickstart-");

    [Fact]
    public async Task ReadmeQuickStart_RunAsWritten_SignInWorklistAndClassifyWork()
    {
        var commands = ReadmeCommands();
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("./run.sh --demo", commands[0], StringComparison.Ordinal);
        var checkout = await CopyCheckoutAsync();
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var environment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Dicom__Port"] = dicomPort.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__Triage"] = null,
        };

        await using var service = ProcessRunner.Start("bash", ["-c", commands[0]], checkout, environment);
        await service.WaitForOutputAsync(o => o.Contains("== open http", StringComparison.Ordinal), FirstRunLimit);

        var output = service.Output;
        var password = PasswordLine().Match(output).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        // Printed by the first run's account creation, and by the demo that was asked for; nowhere else.
        Assert.Equal(2, Regex.Count(output, Regex.Escape(password)));
        var kept = Path.Combine(checkout, ".data", "admin.password");
        Assert.Equal(password, File.ReadAllText(kept).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.Contains($"XrayTriage is ready: worklist http://127.0.0.1:{httpPort}", output, StringComparison.Ordinal);
        Assert.Matches(@"(urgent|routine) +chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest\.dcm", output);
        Assert.Matches(@"not assessable +other/cr_hip_\S+ — ", output);
        Assert.Contains(
            $"== open http://127.0.0.1:{httpPort} and sign in as admin with the password {password}",
            output,
            StringComparison.Ordinal);

        await SignInAndShootWorklistAsync(httpPort, password);

        var classify = await ProcessRunner.RunAsync("bash", ["-c", commands[1]], TimeSpan.FromMinutes(5), checkout, environment);
        classify.EnsureSuccess("the README's classify line");
        Assert.Matches(@"CR-MONO1-10-chest\.dcm \([^)]*\): \w+ [01]\.\d{3}, priority (urgent|routine)", classify.StandardOutput);

        await service.StopAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("== stopping the private PostgreSQL", service.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task SignInAndShootWorklistAsync(int httpPort, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{httpPort}",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
        var rows = page.Locator("#worklist tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#worklist tbody .badge", new() { HasTextString = "urgent" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#worklist tbody .badge", new() { HasTextString = "not-assessable" }).First)
            .ToBeVisibleAsync();
        var screenshots = Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "demo-worklist.png") });
        await context.CloseAsync();
    }

    /// <summary>The lines of the fenced block after <c>&lt;!-- quick-start --&gt;</c> in README.md, comments dropped.</summary>
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "README.md"));
        var block = QuickStartBlock().Match(readme);
        Assert.True(block.Success, "README.md has no <!-- quick-start --> block");
        return block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Regex.Replace(line, @"\s+#.*$", string.Empty).Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }

    /// <summary>The checkout's files (tracked and new, as git lists them) and its build outputs, so the first run's
    /// build is incremental; <c>../shared</c> beside it as beside the real checkout. Readable by the postgres user,
    /// which owns the private cluster when the tests run as root.</summary>
    private async Task<string> CopyCheckoutAsync()
    {
        var root = RepositoryPaths.RepositoryRoot;
        var checkout = Path.Combine(_work.FullName, "checkout");
        var listed = await ProcessRunner.RunAsync("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
        listed.EnsureSuccess("git ls-files");
        foreach (var relative in listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => File.Exists(Path.Combine(root, f))))
        {
            Copy(Path.Combine(root, relative), Path.Combine(checkout, relative));
        }

        var projects = Directory.EnumerateDirectories(Path.Combine(root, "src"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "migrations")));
        foreach (var output in projects.SelectMany(p => new[] { Path.Combine(p, "bin"), Path.Combine(p, "obj") }).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
            {
                Copy(file, Path.Combine(checkout, Path.GetRelativePath(root, file)));
            }
        }

        Directory.CreateSymbolicLink(Path.Combine(_work.FullName, "shared"), RepositoryPaths.Shared);
        File.SetUnixFileMode(_work.FullName, (UnixFileMode)0b111_101_101);
        return checkout;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    [GeneratedRegex(@"<!-- quick-start -->\s*```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"shown only this once:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
