using Npgsql;
using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary><c>deploy/linux/install.sh</c> and <c>uninstall.sh</c> against a temporary root (no user is created and
/// systemctl is not run there: both need a real root file system and PID 1).</summary>
[Collection(PublishedInstallGroup.Name)]
public sealed class InstallScriptTests(PublishedInstall install)
{
    [Fact]
    public void Install_TemporaryPrefix_LaysOutApplicationModelsSettingsUnitAndSpool()
    {
        install.Install.EnsureSuccess("install.sh");

        Assert.True(File.Exists(install.Rooted("/opt/xraytriage/xraytriage")));
        Assert.True(File.Exists(install.Rooted("/opt/xraytriage/appsettings.json")));
        Assert.True(File.Exists(install.Rooted("/opt/xraytriage/models/ensemble.json")));
        Assert.Equal(3, Directory.GetFiles(install.Rooted("/opt/xraytriage/models"), "*.onnx").Length); // two members + the content gate
        Assert.True(File.Exists(install.Rooted("/opt/xraytriage/models/content-gate.onnx")));
        Assert.True(File.Exists(install.Rooted("/etc/systemd/system/xraytriage.service")));
        Assert.True(Directory.Exists(install.Rooted("/var/lib/xraytriage/spool")));
        Assert.Empty(Directory.GetFiles(install.Rooted("/opt/xraytriage"), "onnxruntime*.dll"));
        Assert.True(File.Exists(install.Rooted("/opt/xraytriage/Microsoft.ML.OnnxRuntime.dll")));
        var env = install.Rooted("/etc/xraytriage/xraytriage.env");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(env));
        }

        Assert.Contains($"ConnectionStrings__Triage={install.ConnectionString}", File.ReadAllLines(env));
        Assert.Contains("verified: 3 model file(s) match ensemble.json.", install.Install.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_WithConnectionString_AppliesTheMigrationsWithThePublishedBinary()
    {
        install.Install.EnsureSuccess("install.sh");
        Assert.Contains("== xraytriage migrate", install.Install.StandardOutput, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(install.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM triage.__ef_migrations_history", connection);
        var applied = (long)(await command.ExecuteScalarAsync())!;
        var migrations = Directory.GetFiles(
                Path.Combine(RepositoryPaths.RepositoryRoot, "migrations", "XrayTriage.Migrations", "Migrations"),
                "*.cs",
                SearchOption.TopDirectoryOnly)
            .Count(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal) && !f.EndsWith("Snapshot.cs", StringComparison.Ordinal));
        Assert.True(migrations > 0);
        Assert.Equal(migrations, applied);
    }

    [Fact]
    public async Task Install_Again_KeepsTheSiteSettingsAndThePreviousVersion()
    {
        var prefix = install.NewTemporaryDirectory("xraytriage-upgrade-");
        (await install.RunInstallAsync(prefix, null, "--no-migrate")).EnsureSuccess("first install");
        var env = prefix + "/etc/xraytriage/xraytriage.env";
        await File.AppendAllTextAsync(env, "Dicom__AeTitle=SITE_AE\n");

        var second = await install.RunInstallAsync(prefix, "Host=elsewhere", "--no-migrate");

        second.EnsureSuccess("second install");
        Assert.Contains("keeping the existing", second.StandardOutput, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(env);
        Assert.Contains("Dicom__AeTitle=SITE_AE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=elsewhere", text, StringComparison.Ordinal);
        Assert.True(File.Exists(prefix + "/opt/xraytriage.previous/xraytriage"));
        Assert.True(File.Exists(prefix + "/opt/xraytriage/xraytriage"));
    }

    [Fact]
    public async Task Install_ModelFileTampered_RefusesAndKeepsTheRunningVersion()
    {
        var prefix = install.NewTemporaryDirectory("xraytriage-badmodel-");
        (await install.RunInstallAsync(prefix, null, "--no-migrate")).EnsureSuccess("first install");
        var models = install.NewTemporaryDirectory("xraytriage-models-");
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "models")))
        {
            File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        }

        await File.AppendAllTextAsync(Path.Combine(models, "resnet18-224.onnx"), "tampered");

        var result = await install.RunInstallAsync(prefix, null, "--no-migrate", "--models", models);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("resnet18-224.onnx has SHA-256", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(prefix + "/opt/xraytriage.previous"), "the live version must not have been replaced");
        Assert.True(File.Exists(prefix + "/opt/xraytriage/xraytriage"));
    }

    [Fact]
    public async Task Uninstall_Prefix_RemovesTheApplicationAndKeepsDataUnlessPurged()
    {
        var prefix = install.NewTemporaryDirectory("xraytriage-uninstall-");
        (await install.RunInstallAsync(prefix, null, "--no-migrate")).EnsureSuccess("install");
        await File.WriteAllTextAsync(prefix + "/var/lib/xraytriage/spool/keep.dcm", "x");

        (await ProcessRunner.RunAsync("bash", [PublishedInstall.Script("uninstall.sh"), "--prefix", prefix], TimeSpan.FromMinutes(1)))
            .EnsureSuccess("uninstall");

        Assert.False(Directory.Exists(prefix + "/opt/xraytriage"));
        Assert.False(File.Exists(prefix + "/etc/systemd/system/xraytriage.service"));
        Assert.True(File.Exists(prefix + "/var/lib/xraytriage/spool/keep.dcm"));
        Assert.True(File.Exists(prefix + "/etc/xraytriage/xraytriage.env"));

        (await ProcessRunner.RunAsync(
                "bash", [PublishedInstall.Script("uninstall.sh"), "--prefix", prefix, "--purge"], TimeSpan.FromMinutes(1)))
            .EnsureSuccess("uninstall --purge");

        Assert.False(Directory.Exists(prefix + "/var/lib/xraytriage"));
        Assert.False(Directory.Exists(prefix + "/etc/xraytriage"));
    }
}
