using GovNetOps.Domain.Applications;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One application clock notice sent (due today, overdue): stored once per (application, clock, level,
/// instant) — the unique key makes a retry, the sweep or a restart a no-op, as for ticket escalations.</summary>
public sealed class ApplicationReminderRecord
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public ApplicationClockKind Clock { get; set; }
    public ReminderLevel Level { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public long LatenessMs { get; set; }
    public EscalationSource Source { get; set; }
    public int NotifiedUsers { get; set; }
}
