using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SecurityFindingRecordConfiguration : IEntityTypeConfiguration<SecurityFindingRecord>
{
    public void Configure(EntityTypeBuilder<SecurityFindingRecord> builder)
    {
        builder.ToTable("SecurityFindings");
        builder.Property(f => f.Severity).HasConversion<int>();
        builder.Property(f => f.State).HasConversion<int>();
        builder.Property(f => f.Description).HasMaxLength(1000);
        builder.Property(f => f.RectificationNote).HasMaxLength(1000);
        builder.Property(f => f.RecordedByName).HasMaxLength(64);
        builder.Property(f => f.VerifiedByName).HasMaxLength(64);
        builder.HasIndex(f => new { f.SiteId, f.State });
        builder.HasOne(f => f.Site).WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
