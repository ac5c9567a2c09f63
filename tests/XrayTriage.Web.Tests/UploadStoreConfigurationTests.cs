using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>The upload page's "store" calling AE title is a bound, validated <c>Web</c> option (issue 21 item 3: it was
/// read as a raw key and a bad value failed only when a user ticked "store").</summary>
public sealed class UploadStoreConfigurationTests
{
    [Fact]
    public async Task Serve_StoreCallingAeTitleTooLong_RefusesToStartNamingTheKey()
    {
        var result = await XrayTriageExecutable.RunAsync(
            [
                "serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
                $"--Models:Path={XrayTriageExecutable.ModelsPath}", "--Web:StoreCallingAeTitle=A-TITLE-OF-17-CHR",
            ],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=1" },
            TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Web:StoreCallingAeTitle", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("17 characters", result.StandardError, StringComparison.Ordinal);
    }
}
