using Microsoft.EntityFrameworkCore;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence;

/// <summary>The service's database: schema <c>triage</c>, migrations in the XrayTriage.Migrations assembly.</summary>
public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options)
{
    public const string Schema = "triage";

    public const string MigrationsAssembly = "XrayTriage.Migrations";

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Study> Studies => Set<Study>();

    public DbSet<Instance> Instances => Set<Instance>();

    public DbSet<InferenceRun> InferenceRuns => Set<InferenceRun>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<TriageResult> TriageResults => Set<TriageResult>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportDelivery> ReportDeliveries => Set<ReportDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        // Configurations/ only: the identity schema's entities (Identity/) belong to IdentityDatabase.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.AuditEventConfiguration).Namespace);
    }

    /// <summary>Options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(MigrationsAssembly)
            .MigrationsHistoryTable("__ef_migrations_history", Schema));
}
