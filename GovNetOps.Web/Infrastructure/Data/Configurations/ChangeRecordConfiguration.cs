using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("ChangeRecords");
        builder.Property(c => c.EntityType).HasMaxLength(64);
        builder.Property(c => c.EntityId).HasMaxLength(64);
        builder.Property(c => c.EntityName).HasMaxLength(256);
        builder.Property(c => c.Action).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Role).HasMaxLength(32);
        // A record's history, and the admin list newest first.
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.At });
        builder.HasIndex(c => c.At);
    }
}
