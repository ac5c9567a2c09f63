using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class TriageResultConfiguration : IEntityTypeConfiguration<TriageResult>
{
    public void Configure(EntityTypeBuilder<TriageResult> builder)
    {
        builder.ToTable("triage_results", t =>
            t.HasCheckConstraint("ck_triage_results_priority", "priority IN ('Urgent', 'Routine', 'NotAssessable')"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.InferenceRunId).HasColumnName("inference_run_id");
        builder.Property(r => r.Priority).HasColumnName("priority").HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.FindingsOverThreshold).HasColumnName("findings_over_threshold").HasColumnType("text[]");
        builder.Property(r => r.ThresholdsJson).HasColumnName("thresholds").HasColumnType("jsonb");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");

        builder.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_triage_results_instance");
        builder.HasOne(r => r.InferenceRun).WithMany().HasForeignKey(r => r.InferenceRunId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_triage_results_inference_run");
        builder.HasIndex(r => r.InstanceId).IsUnique().HasDatabaseName("ux_triage_results_instance_id");
        builder.HasIndex(r => r.InferenceRunId).IsUnique().HasDatabaseName("ux_triage_results_inference_run_id");
    }
}
