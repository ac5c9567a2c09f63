namespace XrayTriage.Web.Options;

/// <summary>Section <c>Web:Oidc</c>: hospital single sign-on through OpenID Connect (authorization code flow). The
/// identity provider's role (or group) claim is mapped onto the two roles of the pages.</summary>
public sealed class OidcOptions
{
    public bool Enabled { get; set; }

    /// <summary>Issuer URL (https), e.g. <c>https://login.hospital.example/realms/radiology</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment (<c>Web__Oidc__ClientSecret</c>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Name of the claim that carries the provider's roles or groups.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Name of the claim shown and audited as the user name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Claim values that make a user a radiologist.</summary>
    public IList<string> RadiologistValues { get; } = [];

    /// <summary>Claim values that make a user an admin.</summary>
    public IList<string> AdminValues { get; } = [];

    /// <summary>Button text on the login page.</summary>
    public string DisplayName { get; set; } = "Hospital sign-in";

    /// <summary>Only for a test identity provider on this machine; production requires HTTPS metadata.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
