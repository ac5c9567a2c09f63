using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace XrayTriage.Persistence.Identity;

/// <summary>Server-side web sessions (<c>identity.sessions</c>). The web's cookie ticket store keeps its tickets here;
/// a session that is removed or past <see cref="UserSession.ExpiresAt"/> is never found again.</summary>
public sealed class UserSessionStore(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    /// <summary>Stores a new session and returns its id; sessions that have expired meanwhile are deleted on the way.</summary>
    public async Task<string> CreateAsync(string? userId, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        var now = timeProvider.GetUtcNow();
        await context.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        context.Sessions.Add(new UserSession { Id = id, UserId = userId, Ticket = ticket, ExpiresAt = expiresAt });
        await context.SaveChangesAsync(cancellationToken);
        return id;
    }

    public async Task RenewAsync(string id, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        await context.Sessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticket).SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
    }

    /// <summary>The ticket of a live session, or null when it was removed, never existed or has expired.</summary>
    public async Task<byte[]?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        var now = timeProvider.GetUtcNow();
        return await context.Sessions.AsNoTracking()
            .Where(s => s.Id == id && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The account's current state in one query, or null when the account no longer exists.</summary>
    public async Task<AccountState?> FindAccountAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        var disabledUntil = AccountPolicy.DisabledUntil;
        var row = await context.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                Disabled = u.LockoutEnd == disabledUntil,
                Roles = context.UserRoles
                    .Where(r => r.UserId == u.Id)
                    .Join(context.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name)
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new AccountState(row.SecurityStamp, row.Disabled, [.. row.Roles.OfType<string>()]);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        await context.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}
