using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>A broken <c>Web</c> section stops serve before it listens, with one line naming each key.</summary>
public sealed class ServeConfigurationTests
{
    [Fact]
    public async Task Serve_OidcEnabledWithoutAuthorityOrSecret_RefusesToStartNamingTheKeys()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
             $"--Models:Path={XrayTriageExecutable.ModelsPath}",
             "--Web:Oidc:Enabled=true", "--Web:Oidc:ClientId=xraytriage", "--Web:Oidc:AdminValues:0=pacs-admins"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=1" },
            TimeSpan.FromMinutes(1));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Web:Oidc:Authority", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Web:Oidc:ClientSecret", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Web:Oidc:ClientId", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RefreshOutOfRange_RefusesToStartNamingTheKey()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
             $"--Models:Path={XrayTriageExecutable.ModelsPath}", "--Web:RefreshSeconds=0"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=1" },
            TimeSpan.FromMinutes(1));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Web:RefreshSeconds", result.StandardError, StringComparison.Ordinal);
    }
}
