using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class ContactEscalationRecordConfiguration : IEntityTypeConfiguration<ContactEscalationRecord>
{
    public void Configure(EntityTypeBuilder<ContactEscalationRecord> builder)
    {
        builder.ToTable("ContactEscalations");
        builder.Property(r => r.Source).HasConversion<int>();
        // Exactly once per stopped contact: a second insert fails and is ignored.
        builder.HasIndex(r => r.ContactId).IsUnique();
        builder.HasOne<SecurityContact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
