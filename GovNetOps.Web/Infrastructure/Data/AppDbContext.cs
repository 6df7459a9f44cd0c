using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<FaultTicketRecord> FaultTickets => Set<FaultTicketRecord>();
    public DbSet<TicketEventRecord> TicketEvents => Set<TicketEventRecord>();
    public DbSet<EscalationRecord> EscalationRecords => Set<EscalationRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<EventCursor> EventCursors => Set<EventCursor>();
    public DbSet<SlaPolicyFingerprintRecord> SlaPolicyFingerprints => Set<SlaPolicyFingerprintRecord>();
    public DbSet<CarrierViolationRecord> CarrierViolations => Set<CarrierViolationRecord>();
    public DbSet<MonthlyReportDeliveryRecord> MonthlyReportDeliveries => Set<MonthlyReportDeliveryRecord>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
