using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class BreachDisputeRecordConfiguration : IEntityTypeConfiguration<BreachDisputeRecord>
{
    public void Configure(EntityTypeBuilder<BreachDisputeRecord> builder)
    {
        builder.ToTable("BreachDisputes");
        builder.Property(d => d.Clock).HasConversion<int>();
        // Decided once: the UPDATE carries "AND State = Pending", a second decision finds no row.
        builder.Property(d => d.State).HasConversion<int>().IsConcurrencyToken();
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.DecisionReason).HasMaxLength(1000);
        builder.Property(d => d.RaisedById).HasMaxLength(450);
        builder.Property(d => d.RaisedByName).HasMaxLength(64);
        builder.Property(d => d.DecidedById).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(64);
        // Disputed once: one dispute per ledger line.
        builder.HasIndex(d => new { d.TicketId, d.Clock }).IsUnique();
        // Ops's inbox: the pending ones.
        builder.HasIndex(d => d.State);
        builder.HasOne(d => d.Ticket).WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Attachments).WithOne(a => a.Dispute).HasForeignKey(a => a.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
