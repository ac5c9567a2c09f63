namespace XrayTriage.Host.Options;

/// <summary>The standard top-level <c>Urls</c> setting (env <c>Urls</c> or <c>ASPNETCORE_URLS</c>) that Kestrel binds.</summary>
internal sealed class ServerUrlsOptions
{
    public const string Key = "Urls";

    public const string Default = "http://127.0.0.1:8080";

    public string Urls { get; set; } = Default;
}
