namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>An overdue security-contact re-registration (Article 6) escalated to Ops: one row per stopped contact whose
/// successor was not registered by the deadline. The unique key on <see cref="ContactId"/> makes it exactly once.</summary>
public sealed class ContactEscalationRecord
{
    public long Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>The contact who stopped (the open re-registration).</summary>
    public int ContactId { get; set; }

    /// <summary>The deadline the escalation fired at (UTC): the end of the due working day in China time.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public long LatenessMs { get; set; }
    public EscalationSource Source { get; set; }
    public int NotifiedUsers { get; set; }
}
