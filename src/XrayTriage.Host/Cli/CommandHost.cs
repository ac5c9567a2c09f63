namespace XrayTriage.Host.Cli;

/// <summary>The small host a CLI verb builds for its services: configured as <c>serve</c> is (appsettings.json next to the
/// executable, environment, and the verb's unmatched <c>--Section:Key=value</c> arguments). Logging is left as the
/// default; a verb whose output is the console clears it.</summary>
internal static class CommandHost
{
    public static HostApplicationBuilder CreateBuilder(IEnumerable<string> configurationArgs)
        => Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. configurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
}
