using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class EscalationPlanStepRecordConfiguration : IEntityTypeConfiguration<EscalationPlanStepRecord>
{
    public void Configure(EntityTypeBuilder<EscalationPlanStepRecord> builder)
    {
        builder.ToTable("EscalationPlanSteps");
        builder.Property(s => s.Clock).HasConversion<int>();
        builder.Property(s => s.Level).HasConversion<int>();
        builder.Property(s => s.Recipients).HasConversion<int>();
        builder.Property(s => s.JobId).HasMaxLength(64);
        // One plan: a step is planned once, whichever instance planned it.
        builder.HasIndex(s => new { s.TicketId, s.Clock, s.Level, s.Repeat }).IsUnique();
        // The jobs of one instant read every step planned for it (one outage, many sites).
        builder.HasIndex(s => s.DueAt);
        builder.HasOne<FaultTicketRecord>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
