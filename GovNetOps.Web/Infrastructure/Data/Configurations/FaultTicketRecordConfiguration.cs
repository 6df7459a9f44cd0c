using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class FaultTicketRecordConfiguration : IEntityTypeConfiguration<FaultTicketRecord>
{
    public void Configure(EntityTypeBuilder<FaultTicketRecord> builder)
    {
        builder.ToTable("FaultTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.IncidentNumber).HasMaxLength(20);
        // The tickets of one incident: the ticket page's siblings, the list's incident filter.
        builder.HasIndex(t => t.IncidentNumber);
        builder.Property(t => t.Symptoms).HasMaxLength(1000).IsRequired();
        builder.Property(t => t.ReporterName).HasMaxLength(32);
        builder.Property(t => t.ReporterMobile).HasMaxLength(11);
        builder.Property(t => t.LocationClass).HasConversion<int>();
        builder.Property(t => t.Scope).HasConversion<int>();
        builder.Property(t => t.State).HasConversion<int>();
        builder.Property(t => t.Complex).HasConversion<int>();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Site).WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Carrier).WithMany().HasForeignKey(t => t.CarrierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.State, t.ReportedAt });
        // Open faults: the board, the queues and the escalation engine (TicketFilters.Open*).
        builder.HasIndex(t => new { t.IsOpen, t.CarrierId });
        builder.HasIndex(t => new { t.CarrierId, t.State });
        // The ticket list filtered by carrier and report date, newest first (see the tickets benchmark).
        builder.HasIndex(t => new { t.CarrierId, t.ReportedAt });
        builder.HasIndex(t => t.ReportedAt);
        builder.HasIndex(t => t.SiteId);
    }
}
