using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>The unit as install.sh lays it out, checked by systemd's own parser (<c>systemd-analyze verify</c> with the
/// temporary root as <c>--root</c>). systemd does not run here: starting the unit under PID 1 is not exercised.</summary>
[Collection(PublishedInstallGroup.Name)]
public sealed class SystemdUnitTests(PublishedInstall install)
{
    private const string UnitPath = "/etc/systemd/system/xraytriage.service";

    [Fact]
    public async Task Verify_InstalledUnit_PassesWithoutWarnings()
    {
        install.Install.EnsureSuccess("install.sh");
        var result = await VerifyAsync(install.Prefix);

        Assert.True(result.Succeeded, $"systemd-analyze verify failed:\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Equal("", result.StandardError.Trim());
    }

    [Fact]
    public async Task Verify_ExecutableMissing_Fails()
    {
        // Control: the same check must fail when the unit names a binary that is not installed.
        var root = install.NewTemporaryDirectory("xraytriage-unit-");
        Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system"));
        File.Copy(install.Rooted(UnitPath), root + UnitPath);

        var result = await VerifyAsync(root);

        Assert.False(result.Succeeded);
        Assert.Contains("/opt/xraytriage/xraytriage", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_Hardening_HasTheRequiredDirectives()
    {
        var lines = File.ReadAllLines(install.Rooted(UnitPath))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToHashSet(StringComparer.Ordinal);

        string[] required =
        [
            "Type=notify", "User=xraytriage", "Group=xraytriage", "NoNewPrivileges=yes", "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/xraytriage", "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure",
            "RestartPreventExitStatus=2", "LimitNOFILE=65536", "KillSignal=SIGTERM", "ExecStart=/opt/xraytriage/xraytriage serve",
            "EnvironmentFile=/etc/xraytriage/xraytriage.env", "Environment=Dicom__SpoolPath=/var/lib/xraytriage/spool",
        ];
        Assert.Equal("", string.Join(", ", required.Where(r => !lines.Contains(r))));
    }

    [Fact]
    public async Task Security_InstalledUnit_ExposureBelowThree()
    {
        var result = await ProcessRunner.RunAsync("systemd-analyze",
            ["security", "--offline=yes", $"--root={install.Prefix}", "--threshold=30", "xraytriage.service"], TimeSpan.FromMinutes(1));

        // --threshold=30: exit non-zero when the exposure score (0–10, shown ×10 internally) is above 3.0.
        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.Contains("Overall exposure level for xraytriage.service", result.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<ProcessResult> VerifyAsync(string root)
    {
        // systemd's own targets (sysinit.target, …) are resolved inside --root, so give the root a copy of them.
        var systemdLib = Path.Combine(root, "usr", "lib", "systemd");
        if (!Directory.Exists(Path.Combine(systemdLib, "system")))
        {
            Directory.CreateDirectory(systemdLib);
            (await ProcessRunner.RunAsync("cp", ["-a", "/usr/lib/systemd/system", systemdLib], TimeSpan.FromMinutes(1)))
                .EnsureSuccess("cp /usr/lib/systemd/system");
        }

        return await ProcessRunner.RunAsync("systemd-analyze", ["verify", $"--root={root}", UnitPath], TimeSpan.FromMinutes(1), root);
    }
}
