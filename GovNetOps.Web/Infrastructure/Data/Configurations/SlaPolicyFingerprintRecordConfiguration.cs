using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SlaPolicyFingerprintRecordConfiguration : IEntityTypeConfiguration<SlaPolicyFingerprintRecord>
{
    public void Configure(EntityTypeBuilder<SlaPolicyFingerprintRecord> builder)
    {
        builder.ToTable("SlaPolicyFingerprints");
        builder.HasKey(f => f.Version);
        // The version number comes from configuration, never from the database.
        builder.Property(f => f.Version).ValueGeneratedNever();
        builder.Property(f => f.Cells).HasMaxLength(500).IsRequired();
    }
}
