namespace XrayTriage.Web.Options;

/// <summary>Section <c>Web</c>: the pages and the API. Secrets (the OIDC client secret) come from the environment,
/// e.g. <c>Web__Oidc__ClientSecret</c>, never from the committed appsettings.json.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>How often the worklist asks for changes, in seconds (1–60).</summary>
    public int RefreshSeconds { get; set; } = 3;

    /// <summary>Largest upload accepted by the upload page, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Idle time after which a session cookie expires, in minutes.</summary>
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Password sign-in attempts allowed per client address in any one minute (1–10000).</summary>
    public int SignInAttemptsPerAddress { get; set; } = 30;

    /// <summary>Password sign-in attempts allowed per account name in any one minute (1–10000), known or not.</summary>
    public int SignInAttemptsPerAccount { get; set; } = 10;

    public OidcOptions Oidc { get; set; } = new();
}
