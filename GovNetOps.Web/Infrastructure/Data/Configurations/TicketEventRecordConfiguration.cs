using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class TicketEventRecordConfiguration : IEntityTypeConfiguration<TicketEventRecord>
{
    public void Configure(EntityTypeBuilder<TicketEventRecord> builder)
    {
        builder.ToTable("TicketEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasIndex(e => new { e.TicketId, e.Sequence }).IsUnique();
        builder.Property(e => e.Trigger).HasConversion<int>();
        builder.Property(e => e.ActorRole).HasConversion<int>();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasOne<FaultTicketRecord>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
