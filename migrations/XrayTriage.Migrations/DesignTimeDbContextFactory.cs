using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using XrayTriage.Persistence;

namespace XrayTriage.Migrations;

/// <summary>
/// Used by <c>dotnet ef</c> only. Adding a migration or checking for model changes needs no database;
/// commands that do (database update) read <c>ConnectionStrings__Triage</c> from the environment.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TriageDbContext>
{
    public TriageDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Triage")
            ?? "Host=127.0.0.1;Database=xraytriage_design_time";
        var builder = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(builder, connectionString);
        return new TriageDbContext(builder.Options);
    }
}
