using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.ToTable("studies", t =>
        {
            t.HasCheckConstraint("ck_studies_image_count", "image_count >= 0");
            t.HasCheckConstraint("ck_studies_triage_priority", "triage_priority IN ('Urgent', 'Routine', 'NotAssessable')");
            t.HasCheckConstraint("ck_studies_human_priority", "human_priority IN ('Urgent', 'Routine', 'NotAssessable')");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(s => s.StudyInstanceUid).HasColumnName("study_instance_uid").HasMaxLength(Limits.Uid);
        builder.Property(s => s.PatientName).HasColumnName("patient_name").HasMaxLength(Limits.PatientName);
        builder.Property(s => s.PatientId).HasColumnName("patient_id").HasMaxLength(Limits.PatientId);
        builder.Property(s => s.AccessionNumber).HasColumnName("accession_number").HasMaxLength(Limits.AccessionNumber);
        builder.Property(s => s.StudyDate).HasColumnName("study_date");
        builder.Property(s => s.StudyDescription).HasColumnName("study_description").HasMaxLength(Limits.StudyDescription);
        builder.Property(s => s.Modality).HasColumnName("modality").HasMaxLength(Limits.CodeString);
        builder.Property(s => s.BodyPartExamined).HasColumnName("body_part_examined").HasMaxLength(Limits.CodeString);
        builder.Property(s => s.FirstReceivedAt).HasColumnName("first_received_at").HasColumnType("timestamptz");
        builder.Property(s => s.LastReceivedAt).HasColumnName("last_received_at").HasColumnType("timestamptz");
        builder.Property(s => s.ImageCount).HasColumnName("image_count");
        builder.Property(s => s.TriagePriority).HasColumnName("triage_priority").HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.HumanPriority).HasColumnName("human_priority").HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.HumanPriorityBy).HasColumnName("human_priority_by").HasMaxLength(256);
        builder.Property(s => s.HumanPriorityAt).HasColumnName("human_priority_at").HasColumnType("timestamptz");
        builder.Property(s => s.AcknowledgedBy).HasColumnName("acknowledged_by").HasMaxLength(256);
        builder.Property(s => s.AcknowledgedAt).HasColumnName("acknowledged_at").HasColumnType("timestamptz");
        builder.Property(s => s.PriorityRank).HasColumnName("priority_rank")
            .HasComputedColumnSql(PriorityRankSql.Of("triage_priority"), stored: true);
        // A human-set priority is never lowered by triage: the worklist sorts by the higher of the two. priority_rank
        // stays triage's own rank (the work queue's statements compare against it).
        builder.Property(s => s.WorklistRank).HasColumnName("worklist_rank")
            .HasComputedColumnSql(
                $"GREATEST({PriorityRankSql.Of("triage_priority")}, {PriorityRankSql.Of("human_priority")})", stored: true);
        builder.Property(s => s.SettledAt).HasColumnName("settled_at").HasColumnType("timestamptz");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at").HasColumnType("timestamptz");
        builder.Property(s => s.SrSeriesUuid).HasColumnName("sr_series_uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property(s => s.ScSeriesUuid).HasColumnName("sc_series_uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property(s => s.Version).HasColumnName("xmin").IsRowVersion();

        builder.HasIndex(s => s.StudyInstanceUid).IsUnique().HasDatabaseName("ux_studies_study_instance_uid");
        builder.HasIndex(s => new { s.PriorityRank, s.FirstReceivedAt })
            .IsDescending(true, false)
            .HasDatabaseName("ix_studies_worklist");
        builder.HasIndex(s => new { s.WorklistRank, s.FirstReceivedAt })
            .IsDescending(true, false)
            .HasDatabaseName("ix_studies_worklist_rank");
        // Only unsettled studies are looked at by the settle sweep; settled ones leave the index.
        builder.HasIndex(s => s.LastReceivedAt).HasFilter("settled_at IS NULL").HasDatabaseName("ix_studies_unsettled");
    }
}
