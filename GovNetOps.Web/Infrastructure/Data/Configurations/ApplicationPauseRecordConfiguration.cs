using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class ApplicationPauseRecordConfiguration : IEntityTypeConfiguration<ApplicationPauseRecord>
{
    public void Configure(EntityTypeBuilder<ApplicationPauseRecord> builder)
    {
        builder.ToTable("ApplicationPauses");
        builder.Property(p => p.Reason).HasMaxLength(500);
    }
}
