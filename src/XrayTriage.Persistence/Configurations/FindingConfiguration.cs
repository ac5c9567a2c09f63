using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

/// <remarks>
/// One row per run, model and label rather than an array or jsonb per run: the questions asked of findings are
/// per label ("ensemble pneumothorax ≥ 0.4 last week", calibration and AUC of one member on one class), which
/// become plain indexed WHERE/GROUP BY clauses; the label order of a manifest never has to be known to read a
/// row; and the size stays small (labels × (members + 1) rows per image, one multi-row insert per run).
/// </remarks>
internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings", t => t.HasCheckConstraint("ck_findings_probability", "probability >= 0 AND probability <= 1"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(f => f.InferenceRunId).HasColumnName("inference_run_id");
        builder.Property(f => f.Model).HasColumnName("model").HasMaxLength(128);
        builder.Property(f => f.Label).HasColumnName("label").HasMaxLength(128);
        builder.Property(f => f.Probability).HasColumnName("probability");

        builder.HasOne<InferenceRun>().WithMany(r => r.Findings).HasForeignKey(f => f.InferenceRunId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_findings_inference_run");
        builder.HasIndex(f => new { f.InferenceRunId, f.Model, f.Label }).IsUnique().HasDatabaseName("ux_findings_run_model_label");
        builder.HasIndex(f => new { f.Label, f.Model, f.Probability }).HasDatabaseName("ix_findings_label_model_probability");
    }
}
