using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> builder)
    {
        builder.ToTable("instances", t =>
        {
            t.HasCheckConstraint("ck_instances_state", "state IN ('Received', 'Processing', 'Triaged', 'Skipped', 'Failed')");
            t.HasCheckConstraint("ck_instances_eligibility", "eligibility IN ('Eligible', 'Skipped')");
            // A skipped instance says why, an eligible one has no reason, and only a skipped one is in state Skipped.
            t.HasCheckConstraint("ck_instances_skip_reason",
                "(eligibility = 'Skipped') = (skip_reason IS NOT NULL) AND (eligibility = 'Skipped') = (state = 'Skipped')");
            t.HasCheckConstraint("ck_instances_claim", "state <> 'Processing' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)");
            t.HasCheckConstraint("ck_instances_attempts", "attempts >= 0");
            t.HasCheckConstraint("ck_instances_size_bytes", "size_bytes >= 0");
            t.HasCheckConstraint("ck_instances_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(i => i.StudyId).HasColumnName("study_id");
        builder.Property(i => i.SopInstanceUid).HasColumnName("sop_instance_uid").HasMaxLength(Limits.Uid);
        builder.Property(i => i.SopClassUid).HasColumnName("sop_class_uid").HasMaxLength(Limits.Uid);
        builder.Property(i => i.SeriesInstanceUid).HasColumnName("series_instance_uid").HasMaxLength(Limits.Uid);
        builder.Property(i => i.TransferSyntaxUid).HasColumnName("transfer_syntax_uid").HasMaxLength(Limits.Uid);
        builder.Property(i => i.CallingAeTitle).HasColumnName("calling_ae_title").HasMaxLength(Limits.AeTitle);
        builder.Property(i => i.ReceivedAt).HasColumnName("received_at").HasColumnType("timestamptz");
        builder.Property(i => i.SpoolPath).HasColumnName("spool_path").HasMaxLength(Limits.Path);
        builder.Property(i => i.SizeBytes).HasColumnName("size_bytes");
        builder.Property(i => i.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.Eligibility).HasColumnName("eligibility").HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SkipReason).HasColumnName("skip_reason").HasMaxLength(Limits.Reason);
        builder.Property(i => i.State).HasColumnName("state").HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Attempts).HasColumnName("attempts");
        builder.Property(i => i.LastError).HasColumnName("last_error").HasMaxLength(Limits.Reason);
        builder.Property(i => i.NextAttemptAt).HasColumnName("next_attempt_at").HasColumnType("timestamptz");
        builder.Property(i => i.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(Limits.WorkerId);
        builder.Property(i => i.ClaimedAt).HasColumnName("claimed_at").HasColumnType("timestamptz");
        builder.Property(i => i.TriagedAt).HasColumnName("triaged_at").HasColumnType("timestamptz");
        builder.Property(i => i.TrackingUuid).HasColumnName("tracking_uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property(i => i.ScUuid).HasColumnName("sc_uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property(i => i.SpoolPurgedAt).HasColumnName("spool_purged_at").HasColumnType("timestamptz");

        builder.HasOne(i => i.Study).WithMany(s => s.Instances).HasForeignKey(i => i.StudyId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_instances_study");
        builder.HasIndex(i => i.SopInstanceUid).IsUnique().HasDatabaseName("ux_instances_sop_instance_uid");
        builder.HasIndex(i => new { i.StudyId, i.State }).HasDatabaseName("ix_instances_study_id_state");
        // The work queue scans only unfinished rows, oldest first; finished ones leave this index.
        builder.HasIndex(i => i.ReceivedAt).HasFilter("state IN ('Received', 'Processing')").HasDatabaseName("ix_instances_queue");
        // Spool retention looks only at instances whose file is still kept; purged ones leave this index.
        builder.HasIndex(i => i.Id).HasFilter("spool_purged_at IS NULL").HasDatabaseName("ix_instances_unpurged");
    }
}
