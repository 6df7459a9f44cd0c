using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class BreachDisputeAttachmentRecordConfiguration : IEntityTypeConfiguration<BreachDisputeAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<BreachDisputeAttachmentRecord> builder)
    {
        builder.ToTable("BreachDisputeAttachments");
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(128);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        // byte[] without a length: BLOB on SQLite, bytea on PostgreSQL.
        builder.Property(a => a.Content).IsRequired();
    }
}
