using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Web.Security;

/// <summary>Keeps the session cookie's ticket in PostgreSQL; the cookie holds only the session id. Signing out deletes
/// the row, so a copy of the cookie saved before sign-out is worth nothing afterwards.</summary>
internal sealed class SessionTicketStore(UserSessionStore sessions, IOptions<IdentityOptions> identity) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return sessions.CreateAsync(LocalUserId(ticket.Principal), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc,
            cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return sessions.RenewAsync(key, TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
        => await sessions.FindAsync(key, cancellationToken) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => sessions.RemoveAsync(key, cancellationToken);

    /// <summary>Local accounts carry Identity's security stamp; single sign-on principals do not and have no account row.</summary>
    private string? LocalUserId(ClaimsPrincipal principal)
        => principal.HasClaim(c => c.Type == identity.Value.ClaimsIdentity.SecurityStampClaimType)
            ? principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            : null;
}
