namespace XrayTriage.Persistence.Identity;

/// <summary>A row of <c>identity.sessions</c>: one signed-in web session, held on the server so that signing out (or
/// expiry) ends it for every copy of the cookie. The cookie carries only <see cref="Id"/>.</summary>
public sealed class UserSession
{
    /// <summary>256 random bits, base64url.</summary>
    public required string Id { get; set; }

    /// <summary>The local account (Identity user id); null for a single sign-on session, which has no account row.</summary>
    public string? UserId { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties, no password).</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
