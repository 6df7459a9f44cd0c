using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.PinyinInitials).HasMaxLength(64);
        builder.HasIndex(s => s.PinyinInitials);
        builder.Property(s => s.UserType).HasMaxLength(32);
        builder.Property(s => s.UserKind).HasConversion<int>();
        builder.Property(s => s.NetworkPurpose).HasMaxLength(128);
        builder.Property(s => s.Address).HasMaxLength(128);
        builder.Property(s => s.NetworkAdminName).HasMaxLength(32);
        builder.Property(s => s.NetworkAdminMobile).HasMaxLength(13);
        builder.Property(s => s.TechContactName).HasMaxLength(32);
        builder.Property(s => s.TechContactMobile).HasMaxLength(13);
        builder.Property(s => s.LocationClass).HasConversion<int>();
        builder.Property(s => s.Status).HasConversion<int>();
        builder.Property(s => s.IpAddresses).HasMaxLength(256);
        builder.HasOne(s => s.Carrier).WithMany().HasForeignKey(s => s.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }
}
