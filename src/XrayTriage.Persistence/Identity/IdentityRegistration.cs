using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace XrayTriage.Persistence.Identity;

public static class IdentityRegistration
{
    /// <summary>
    /// Stores Identity's users and roles in PostgreSQL (schema <c>identity</c>, connection string <c>Triage</c>).
    /// Call after <see cref="PersistenceRegistration.AddPersistence"/> on the builder returned by
    /// <c>AddIdentityCore</c>/<c>AddIdentity</c>.
    /// </summary>
    public static IdentityBuilder AddIdentityDatabase(this IdentityBuilder identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.Services.AddDbContext<IdentityDatabase>((services, options) =>
            IdentityDatabase.Configure(options, services.GetRequiredService<IOptions<PersistenceOptions>>().Value.ConnectionString));
        identity.Services.AddSingleton<IdentityMaintenance>();
        identity.Services.AddSingleton<UserSessionStore>();
        return identity.AddEntityFrameworkStores<IdentityDatabase>();
    }
}
