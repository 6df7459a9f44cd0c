using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class NetworkApplicationRecordConfiguration : IEntityTypeConfiguration<NetworkApplicationRecord>
{
    public void Configure(EntityTypeBuilder<NetworkApplicationRecord> builder)
    {
        builder.ToTable("NetworkApplications");
        builder.Property(a => a.Number).HasMaxLength(24).IsRequired();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.State).HasConversion<int>();
        builder.Property(a => a.ChangeType).HasConversion<int?>();
        builder.Property(a => a.LocationClass).HasConversion<int?>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.UnitName).HasMaxLength(64);
        builder.Property(a => a.UserType).HasMaxLength(32);
        builder.Property(a => a.Address).HasMaxLength(128);
        builder.Property(a => a.NetworkAdminName).HasMaxLength(32);
        builder.Property(a => a.NetworkAdminMobile).HasMaxLength(16);
        builder.Property(a => a.TechContactName).HasMaxLength(32);
        builder.Property(a => a.TechContactMobile).HasMaxLength(16);
        builder.Property(a => a.Purpose).HasMaxLength(500);
        builder.Property(a => a.ChangeDetail).HasMaxLength(200);
        builder.Property(a => a.UnitOpinion).HasMaxLength(500);
        builder.Property(a => a.ManagementOpinion).HasMaxLength(500);
        builder.Property(a => a.IpAllocation).HasMaxLength(256);
        builder.Property(a => a.RejectionReason).HasMaxLength(500);
        builder.Property(a => a.CompletionNote).HasMaxLength(500);
        builder.Property(a => a.RecordedByName).HasMaxLength(64);
        builder.HasIndex(a => new { a.State, a.NextDeadlineAt });
        builder.HasIndex(a => new { a.CarrierId, a.State });
        builder.HasOne(a => a.Site).WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Carrier).WithMany().HasForeignKey(a => a.CarrierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Pauses).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
