using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The app's data. Used as is on SQLite (its migrations are the SQLite ones in <c>Migrations/</c>);
/// <see cref="PostgreSqlAppDbContext"/> is the same model on PostgreSQL with its own migrations. Code always asks
/// for <c>IDbContextFactory&lt;AppDbContext&gt;</c> and gets the provider's context.</summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's derived context (its own options type, its own migrations).</summary>
    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<FaultTicketRecord> FaultTickets => Set<FaultTicketRecord>();
    public DbSet<TicketEventRecord> TicketEvents => Set<TicketEventRecord>();
    public DbSet<EscalationRecord> EscalationRecords => Set<EscalationRecord>();
    public DbSet<EscalationPlanRecord> EscalationPlans => Set<EscalationPlanRecord>();
    public DbSet<EscalationPlanStepRecord> EscalationPlanSteps => Set<EscalationPlanStepRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<EventCursor> EventCursors => Set<EventCursor>();
    public DbSet<SlaPolicyFingerprintRecord> SlaPolicyFingerprints => Set<SlaPolicyFingerprintRecord>();
    public DbSet<CarrierViolationRecord> CarrierViolations => Set<CarrierViolationRecord>();
    public DbSet<MonthlyReportDeliveryRecord> MonthlyReportDeliveries => Set<MonthlyReportDeliveryRecord>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<NetworkApplicationRecord> NetworkApplications => Set<NetworkApplicationRecord>();
    public DbSet<ApplicationPauseRecord> ApplicationPauses => Set<ApplicationPauseRecord>();
    public DbSet<ApplicationReminderRecord> ApplicationReminders => Set<ApplicationReminderRecord>();
    public DbSet<SecurityFindingRecord> SecurityFindings => Set<SecurityFindingRecord>();
    public DbSet<ProvisionalDeadlineNoticeRecord> ProvisionalDeadlineNotices => Set<ProvisionalDeadlineNoticeRecord>();
    public DbSet<MaintenanceNoticeRecord> MaintenanceNotices => Set<MaintenanceNoticeRecord>();
    public DbSet<MaintenanceNoticeSite> MaintenanceNoticeSites => Set<MaintenanceNoticeSite>();
    public DbSet<MaintenanceAlertRecord> MaintenanceAlerts => Set<MaintenanceAlertRecord>();
    public DbSet<MaintenanceTicketLink> MaintenanceTicketLinks => Set<MaintenanceTicketLink>();
    public DbSet<SlaPolicyVersionRecord> SlaPolicyVersions => Set<SlaPolicyVersionRecord>();
    public DbSet<SecurityContact> SecurityContacts => Set<SecurityContact>();
    public DbSet<ContactEscalationRecord> ContactEscalations => Set<ContactEscalationRecord>();
    public DbSet<SecurityLogEntry> SecurityLog => Set<SecurityLogEntry>();
    public DbSet<ChainHeadRecord> ChainHeads => Set<ChainHeadRecord>();
    public DbSet<SecurityLogArchiveRecord> SecurityLogArchives => Set<SecurityLogArchiveRecord>();
    public DbSet<SecuritySettingsRecord> SecuritySettings => Set<SecuritySettingsRecord>();
    public DbSet<PasswordHistoryRecord> PasswordHistory => Set<PasswordHistoryRecord>();
    public DbSet<UserSessionRecord> UserSessions => Set<UserSessionRecord>();
    public DbSet<BreachDisputeRecord> BreachDisputes => Set<BreachDisputeRecord>();
    public DbSet<BreachDisputeAttachmentRecord> BreachDisputeAttachments => Set<BreachDisputeAttachmentRecord>();

    /// <summary>Instants are UTC ticks on every provider: the event chain hashes 100-ns ticks and PostgreSQL's
    /// timestamptz keeps only microseconds, so a native column would change a reloaded event's hash; ticks also
    /// keep every comparison and ordering identical on both engines.</summary>
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
