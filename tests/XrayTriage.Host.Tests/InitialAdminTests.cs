using System.Text.RegularExpressions;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>issue 19 item 1: <c>user init-admin</c> (run by run.sh at every start) gives the first run a way in — the
/// account <c>admin</c> with a generated password printed once and kept in a 0600 file until it is changed.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class InitialAdminTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("xraytriage-data-");

    private string PasswordFile => Path.Combine(_data.FullName, "admin.password");

    [Fact]
    public async Task InitAdmin_NoAccount_CreatesAdminPrintsPasswordOnceAndForgetsItWhenChanged()
    {
        var connectionString = await MigratedDatabaseAsync();

        var first = await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile]);
        var second = await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile]);
        var list = await RunAsync(connectionString, ["user", "list"]);

        first.EnsureSuccess("first init-admin");
        var password = Printed().Match(first.StandardOutput).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        Assert.Equal(password, (await File.ReadAllTextAsync(PasswordFile)).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordFile));
        second.EnsureSuccess("second init-admin");
        Assert.DoesNotContain(password, second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Sign in as admin with the password in {PasswordFile}", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("admin  admin", list.StandardOutput.Trim());

        var changed = await RunAsync(connectionString, ["user", "password", "admin"], "AnotherPassw0rd\n");
        var afterChange = await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile]);

        changed.EnsureSuccess("user password admin");
        afterChange.EnsureSuccess("init-admin after the change");
        Assert.Contains("no longer signs in as admin (changed); removed the file", afterChange.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(PasswordFile));
        Assert.Equal("admin  admin", (await RunAsync(connectionString, ["user", "list"])).StandardOutput.Trim());
    }

    [Fact]
    public async Task InitAdmin_AccountsExist_CreatesNothing()
    {
        var connectionString = await MigratedDatabaseAsync();
        (await RunAsync(connectionString, ["user", "add", "alice", "--role", "radiologist"], "AlicePassw0rd1\n"))
            .EnsureSuccess("user add alice");

        var result = await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile]);

        result.EnsureSuccess("init-admin");
        Assert.Empty(result.StandardOutput);
        Assert.False(File.Exists(PasswordFile));
    }

    [Fact]
    public async Task UserPassword_TooWeak_RefusedAndOldPasswordKept()
    {
        var connectionString = await MigratedDatabaseAsync();
        (await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile])).EnsureSuccess("init-admin");

        var weak = await RunAsync(connectionString, ["user", "password", "admin"], "short\n");
        var again = await RunAsync(connectionString, ["user", "init-admin", "--password-file", PasswordFile]);

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("xraytriage user password: admin:", weak.StandardError, StringComparison.Ordinal);
        Assert.Contains("Sign in as admin", again.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(PasswordFile));
    }

    public void Dispose() => _data.Delete(recursive: true);

    /// <summary>Both schemas, as <c>xraytriage migrate</c> (and run.sh) applies them.</summary>
    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        (await RunAsync(connectionString, ["migrate"])).EnsureSuccess("migrate");
        return connectionString;
    }

    private static Task<ProcessResult> RunAsync(string connectionString, string[] arguments, string? input = null) =>
        ProcessRunner.RunAsync(
            "dotnet",
            [XrayTriageExecutable.DllPath, .. arguments],
            TimeSpan.FromMinutes(1),
            RepositoryPaths.RepositoryRoot,
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString, ["DOTNET_ENVIRONMENT"] = "Production" },
            standardInput: input ?? string.Empty);

    [GeneratedRegex(@"shown only this once:\s+(\S+)")]
    private static partial Regex Printed();
}
