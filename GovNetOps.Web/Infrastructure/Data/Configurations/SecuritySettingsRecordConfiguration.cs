using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SecuritySettingsRecordConfiguration : IEntityTypeConfiguration<SecuritySettingsRecord>
{
    public void Configure(EntityTypeBuilder<SecuritySettingsRecord> builder)
    {
        builder.ToTable("SecuritySettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

public sealed class PasswordHistoryRecordConfiguration : IEntityTypeConfiguration<PasswordHistoryRecord>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryRecord> builder)
    {
        builder.ToTable("PasswordHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.UserId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.PasswordHash).HasMaxLength(512).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.UserId, h.SetAt });
    }
}

public sealed class UserSessionRecordConfiguration : IEntityTypeConfiguration<UserSessionRecord>
{
    public void Configure(EntityTypeBuilder<UserSessionRecord> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
