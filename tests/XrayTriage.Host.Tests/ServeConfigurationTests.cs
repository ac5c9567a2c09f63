using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>Each invalid setting stops start-up with exit code 2 and a line naming its key — no stack trace.
/// No database is needed: validation runs before anything connects.</summary>
public sealed class ServeConfigurationTests
{
    private const string ValidConnection = "Host=127.0.0.1;Port=1;Database=x;Username=x";

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "--Dicom:Port=70000", "Dicom:Port", "between 1 and 65535" },
        { "--Dicom:Port=0", "Dicom:Port", "between 1 and 65535" },
        { "--Dicom:AeTitle=THIS_AE_IS_TOO_LONG", "Dicom:AeTitle", "(at most 16)" },
        { "--Dicom:AeTitle=BAD\\AE", "Dicom:AeTitle", "contains a backslash" },
        { "--Dicom:AeTitle=   ", "Dicom:AeTitle", "empty" },
        { "--Models:Path=/nonexistent/models", "Models:Path", "does not exist" },
        { "--Urls=http://127.0.0.1:99999", "Urls", "out of range" },
        { "--Urls=ftp://127.0.0.1:8080", "Urls", "http://" },
        { "--ConnectionStrings:Triage=", "ConnectionStrings:Triage", "required" },
        { "--Triage:Workers=many", "Triage:Workers", "cannot be read as Int32 (got 'many')" },
        { "--Triage:StudyQuietPeriod=soon", "Triage:StudyQuietPeriod", "cannot be read as TimeSpan (got 'soon')" },
        { "--Inference:MaxBatch=lots", "Inference:MaxBatch", "cannot be read as Int32 (got 'lots')" },
        { "--Inference:AllowSpinning=maybe", "Inference:AllowSpinning", "cannot be read as Boolean (got 'maybe')" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Serve_InvalidSetting_ExitsNonZeroNamingTheKey(string setting, string key, string reason)
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Models:Path={XrayTriageExecutable.ModelsPath}", setting],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = ValidConnection },
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("xraytriage: invalid configuration: " + key, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SettingFromEnvironment_IsValidatedLikeTheCommandLine()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["serve", $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = ValidConnection, ["Dicom__Port"] = "123456" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Dicom:Port must be between 1 and 65535 (got 123456)", result.StandardError, StringComparison.Ordinal);
    }
}
