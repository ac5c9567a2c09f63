using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at").HasColumnType("timestamptz");
        builder.Property(e => e.EventId).HasColumnName("event_id").HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.EventType).HasColumnName("event_type").HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(256);
        builder.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(256);
        builder.Property(e => e.Detail).HasColumnName("detail").HasMaxLength(4000);
        builder.Property(e => e.Node).HasColumnName("node").HasMaxLength(256);
        builder.HasIndex(e => e.OccurredAt).HasDatabaseName("ix_audit_events_occurred_at");
        builder.HasIndex(e => new { e.EventId, e.OccurredAt }).HasDatabaseName("ix_audit_events_event_id_occurred_at");
        builder.HasIndex(e => e.Subject).HasDatabaseName("ix_audit_events_subject");
    }
}
