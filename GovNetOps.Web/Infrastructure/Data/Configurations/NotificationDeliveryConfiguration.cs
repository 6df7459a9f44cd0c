using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Channel).HasMaxLength(32).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.State).HasConversion<int>();
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<EscalationRecord>().WithMany().HasForeignKey(d => d.EscalationRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.State);
        builder.HasIndex(d => d.TicketId);
    }
}
