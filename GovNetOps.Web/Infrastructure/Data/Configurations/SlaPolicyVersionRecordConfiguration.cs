using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SlaPolicyVersionRecordConfiguration : IEntityTypeConfiguration<SlaPolicyVersionRecord>
{
    public void Configure(EntityTypeBuilder<SlaPolicyVersionRecord> builder)
    {
        builder.ToTable("SlaPolicyVersions");
        builder.HasKey(v => v.Version);
        // The number is the Domain's (SlaPolicyBook.NextVersion), so two admins cannot both store version N.
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.CreatedBy).HasMaxLength(100).IsRequired();
    }
}
