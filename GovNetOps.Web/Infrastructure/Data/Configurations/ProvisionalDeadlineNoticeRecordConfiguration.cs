using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class ProvisionalDeadlineNoticeRecordConfiguration : IEntityTypeConfiguration<ProvisionalDeadlineNoticeRecord>
{
    public void Configure(EntityTypeBuilder<ProvisionalDeadlineNoticeRecord> builder)
    {
        builder.ToTable("ProvisionalDeadlineNotices");
        // Exactly once per application: the key is the application.
        builder.HasKey(n => n.ApplicationId);
        builder.Property(n => n.Clock).HasConversion<int>();
        builder.HasOne<NetworkApplicationRecord>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
