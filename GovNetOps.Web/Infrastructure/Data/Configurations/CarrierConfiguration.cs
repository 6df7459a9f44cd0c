using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.ShortName).HasMaxLength(16).IsRequired();
        builder.Property(c => c.ManagerName).HasMaxLength(32);
        builder.Property(c => c.ManagerMobile).HasMaxLength(13);
        builder.Property(c => c.DutyPhone).HasMaxLength(20);
    }
}
