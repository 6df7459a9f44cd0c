using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class EscalationRecordConfiguration : IEntityTypeConfiguration<EscalationRecord>
{
    public void Configure(EntityTypeBuilder<EscalationRecord> builder)
    {
        builder.ToTable("EscalationRecords");
        builder.Property(r => r.Clock).HasConversion<int>();
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Recipients).HasConversion<int>();
        builder.Property(r => r.Source).HasConversion<int>();
        // Exactly once (interpretation 8): a second insert of the same step fails and is ignored.
        builder.HasIndex(r => new { r.TicketId, r.Clock, r.Level, r.Repeat }).IsUnique();
        builder.HasIndex(r => r.RecordedAt);
        builder.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
