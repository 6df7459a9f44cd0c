using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class ApplicationReminderRecordConfiguration : IEntityTypeConfiguration<ApplicationReminderRecord>
{
    public void Configure(EntityTypeBuilder<ApplicationReminderRecord> builder)
    {
        builder.ToTable("ApplicationReminders");
        builder.Property(r => r.Clock).HasConversion<int>();
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Source).HasConversion<int>();
        // Exactly once: a second insert of the same notice fails and is ignored.
        builder.HasIndex(r => new { r.ApplicationId, r.Clock, r.Level, r.DueAt }).IsUnique();
        builder.HasOne<NetworkApplicationRecord>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
