using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SecurityContactConfiguration : IEntityTypeConfiguration<SecurityContact>
{
    public void Configure(EntityTypeBuilder<SecurityContact> builder)
    {
        builder.ToTable("SecurityContacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Mobile).HasMaxLength(20).IsRequired();
        builder.HasOne(c => c.Site).WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SiteId, c.StoppedOn });
    }
}
