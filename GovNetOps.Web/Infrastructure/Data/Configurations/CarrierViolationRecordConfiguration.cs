using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class CarrierViolationRecordConfiguration : IEntityTypeConfiguration<CarrierViolationRecord>
{
    public void Configure(EntityTypeBuilder<CarrierViolationRecord> builder)
    {
        builder.ToTable("CarrierViolations");
        builder.Property(v => v.Kind).HasConversion<int>();
        builder.Property(v => v.SiteIds).HasMaxLength(4000);
        builder.Property(v => v.Detail).HasMaxLength(1000);
        builder.Property(v => v.RecordedBy).HasMaxLength(256);
        // The monthly report counts per carrier and month.
        builder.HasIndex(v => new { v.CarrierId, v.OccurredAt });
        builder.HasOne(v => v.Carrier).WithMany().HasForeignKey(v => v.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }
}
