using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace XrayTriage.Persistence.Identity;

/// <summary>Applies the account schema's migrations (run by <c>xraytriage migrate</c> after the triage schema's).</summary>
public sealed class IdentityMaintenance(IServiceScopeFactory scopes)
{
    /// <summary>Applies every pending identity migration; returns the ids it applied (empty when already current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        await DatabaseMaintenance.CreateHistoryTableAsync(context, cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
