using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports", t =>
        {
            t.HasCheckConstraint("ck_reports_version", "version >= 1");
            t.HasCheckConstraint("ck_reports_image_count", "image_count >= 0");
            t.HasCheckConstraint("ck_reports_priority", "priority IN ('Urgent', 'Routine', 'NotAssessable')");
            // Version 1 has no predecessor; every later version has one.
            t.HasCheckConstraint("ck_reports_predecessor", "(version = 1) = (predecessor_report_id IS NULL)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.StudyId).HasColumnName("study_id");
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.SrUuid).HasColumnName("sr_uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property(r => r.PredecessorReportId).HasColumnName("predecessor_report_id");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
        builder.Property(r => r.Priority).HasColumnName("priority").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ImageCount).HasColumnName("image_count");
        builder.Property(r => r.FannedOutAt).HasColumnName("fanned_out_at").HasColumnType("timestamptz");

        builder.HasOne(r => r.Study).WithMany().HasForeignKey(r => r.StudyId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_reports_study");
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.PredecessorReportId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_reports_predecessor");
        builder.HasIndex(r => new { r.StudyId, r.Version }).IsUnique().HasDatabaseName("ux_reports_study_id_version");
        builder.HasIndex(r => r.PredecessorReportId).HasDatabaseName("ix_reports_predecessor_report_id");
        // Fan-out scans only reports without deliveries yet.
        builder.HasIndex(r => r.Id).HasFilter("fanned_out_at IS NULL").HasDatabaseName("ix_reports_not_fanned_out");
    }
}
