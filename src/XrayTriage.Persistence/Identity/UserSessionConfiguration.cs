using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace XrayTriage.Persistence.Identity;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(s => s.UserId).HasColumnName("user_id");
        builder.Property(s => s.Ticket).HasColumnName("ticket");
        builder.Property(s => s.ExpiresAt).HasColumnName("expires_at").HasColumnType("timestamptz");
        // Deleting an account ends its sessions with it.
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("ix_sessions_user_id");
        builder.HasIndex(s => s.ExpiresAt).HasDatabaseName("ix_sessions_expires_at");
    }
}
