using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace XrayTriage.Persistence.Identity;

/// <summary>
/// Local accounts and roles (ASP.NET Core Identity) in their own schema <c>identity</c> with their own migrations
/// (folder Migrations/Identity of XrayTriage.Migrations) and history table, so the triage model and the account
/// model evolve independently. Passwords are stored as Identity's PBKDF2 hashes only.
/// </summary>
public sealed class IdentityDatabase(DbContextOptions<IdentityDatabase> options) : IdentityDbContext<IdentityUser>(options)
{
    public const string Schema = "identity";

    public DbSet<UserSession> Sessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.ApplyConfiguration(new UserSessionConfiguration());
    }

    /// <summary>Options shared by the running service, the CLI and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(TriageDbContext.MigrationsAssembly)
            .MigrationsHistoryTable("__ef_migrations_history", Schema));
}
