using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence.Configurations;

internal sealed class InferenceRunConfiguration : IEntityTypeConfiguration<InferenceRun>
{
    public void Configure(EntityTypeBuilder<InferenceRun> builder)
    {
        builder.ToTable("inference_runs", t =>
        {
            t.HasCheckConstraint("ck_inference_runs_latency_ms", "latency_ms >= 0");
            // All three or none; each side 1..64; one byte per pixel.
            t.HasCheckConstraint("ck_inference_runs_heatmap",
                "(heatmap IS NULL AND heatmap_width IS NULL AND heatmap_height IS NULL) OR " +
                "(heatmap_width BETWEEN 1 AND 64 AND heatmap_height BETWEEN 1 AND 64 " +
                "AND octet_length(heatmap) = heatmap_width * heatmap_height)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.ManifestName).HasColumnName("manifest_name").HasMaxLength(128);
        builder.Property(r => r.ManifestVersion).HasColumnName("manifest_version").HasMaxLength(64);
        builder.Property(r => r.DeviceUid).HasColumnName("device_uid").HasMaxLength(Limits.Uid);
        builder.Property(r => r.Provider).HasColumnName("provider").HasMaxLength(32);
        builder.Property(r => r.LatencyMs).HasColumnName("latency_ms");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
        builder.Property(r => r.Heatmap).HasColumnName("heatmap").HasColumnType("bytea");
        builder.Property(r => r.HeatmapWidth).HasColumnName("heatmap_width");
        builder.Property(r => r.HeatmapHeight).HasColumnName("heatmap_height");

        builder.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_inference_runs_instance");
        // Exactly-once triage, proven by the database: a second run of the same instance is refused.
        builder.HasIndex(r => r.InstanceId).IsUnique().HasDatabaseName("ux_inference_runs_instance_id");
    }
}
