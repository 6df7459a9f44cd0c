using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class MonthlyReportDeliveryRecordConfiguration : IEntityTypeConfiguration<MonthlyReportDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<MonthlyReportDeliveryRecord> builder)
    {
        builder.ToTable("MonthlyReportDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Month).HasMaxLength(7).IsRequired();
        // Exactly once per month, across restarts: a second insert for the month fails.
        builder.HasIndex(d => d.Month).IsUnique();
        builder.Property(d => d.Outcome).HasMaxLength(2000);
    }
}
