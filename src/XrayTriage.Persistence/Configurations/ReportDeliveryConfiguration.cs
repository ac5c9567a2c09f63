using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.ToTable("report_deliveries", t =>
        {
            t.HasCheckConstraint("ck_report_deliveries_state", "state IN ('Pending', 'Sending', 'Delivered', 'Failed', 'Superseded')");
            t.HasCheckConstraint("ck_report_deliveries_attempts", "attempts >= 0");
            t.HasCheckConstraint(
                "ck_report_deliveries_claim", "state <> 'Sending' OR (claimed_by IS NOT NULL AND lease_until IS NOT NULL)");
            t.HasCheckConstraint("ck_report_deliveries_delivered", "(state = 'Delivered') = (delivered_at IS NOT NULL)");
        });
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(d => d.ReportId).HasColumnName("report_id");
        builder.Property(d => d.Destination).HasColumnName("destination").HasMaxLength(Limits.Destination);
        builder.Property(d => d.State).HasColumnName("state").HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Attempts).HasColumnName("attempts");
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at").HasColumnType("timestamptz");
        builder.Property(d => d.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(Limits.WorkerId);
        builder.Property(d => d.LeaseUntil).HasColumnName("lease_until").HasColumnType("timestamptz");
        builder.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(Limits.Reason);
        builder.Property(d => d.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
        builder.Property(d => d.UpdatedAt).HasColumnName("updated_at").HasColumnType("timestamptz");
        builder.Property(d => d.DeliveredAt).HasColumnName("delivered_at").HasColumnType("timestamptz");

        builder.HasOne(d => d.Report).WithMany().HasForeignKey(d => d.ReportId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_report_deliveries_report");
        builder.HasIndex(d => new { d.ReportId, d.Destination }).IsUnique().HasDatabaseName("ux_report_deliveries_report_id_destination");
        builder.HasIndex(d => new { d.Destination, d.State, d.NextAttemptAt }).HasDatabaseName("ix_report_deliveries_claim");
    }
}
