using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class TriageResultConfiguration : IEntityTypeConfiguration<TriageResult>
{
    public void Configure(EntityTypeBuilder<TriageResult> builder)
    {
        builder.ToTable("triage_results", t =>
        {
            t.HasCheckConstraint("ck_triage_results_priority", "priority IN ('Urgent', 'Routine', 'NotAssessable')");
            // A content-gate reason means no class was given, and it always comes with the measure it was decided on.
            t.HasCheckConstraint("ck_triage_results_not_assessable_reason",
                "not_assessable_reason IS NULL OR (not_assessable_reason IN ('NotChestRadiograph', 'BlankImage') "
                + "AND priority = 'NotAssessable' AND content_gate_score IS NOT NULL AND content_gate_threshold IS NOT NULL)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.InferenceRunId).HasColumnName("inference_run_id");
        builder.Property(r => r.Priority).HasColumnName("priority").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.FindingsOverThreshold).HasColumnName("findings_over_threshold").HasColumnType("text[]");
        builder.Property(r => r.ThresholdsJson).HasColumnName("thresholds").HasColumnType("jsonb");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
        builder.Property(r => r.NotAssessableReason).HasColumnName("not_assessable_reason").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ContentGateScore).HasColumnName("content_gate_score");
        builder.Property(r => r.ContentGateThreshold).HasColumnName("content_gate_threshold");
        builder.Property(r => r.OperatingPoint).HasColumnName("operating_point").HasMaxLength(1024);

        builder.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_triage_results_instance");
        builder.HasOne(r => r.InferenceRun).WithMany().HasForeignKey(r => r.InferenceRunId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_triage_results_inference_run");
        builder.HasIndex(r => r.InstanceId).IsUnique().HasDatabaseName("ux_triage_results_instance_id");
        builder.HasIndex(r => r.InferenceRunId).IsUnique().HasDatabaseName("ux_triage_results_inference_run_id");
    }
}
