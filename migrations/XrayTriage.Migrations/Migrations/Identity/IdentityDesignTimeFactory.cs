using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Migrations.Migrations.Identity;

/// <summary>Used by <c>dotnet ef ... --context IdentityDatabase</c> only; like the triage factory it needs no database
/// to add a migration, and reads <c>ConnectionStrings__Triage</c> for commands that do.</summary>
internal sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDatabase>
{
    public IdentityDatabase CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Triage")
            ?? "Host=127.0.0.1;Database=xraytriage_design_time";
        var builder = new DbContextOptionsBuilder<IdentityDatabase>();
        IdentityDatabase.Configure(builder, connectionString);
        return new IdentityDatabase(builder.Options);
    }
}
