using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class EscalationPlanRecordConfiguration : IEntityTypeConfiguration<EscalationPlanRecord>
{
    public void Configure(EntityTypeBuilder<EscalationPlanRecord> builder)
    {
        builder.ToTable("EscalationPlans");
        builder.HasKey(p => p.TicketId);
        builder.HasOne<FaultTicketRecord>().WithOne().HasForeignKey<EscalationPlanRecord>(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
