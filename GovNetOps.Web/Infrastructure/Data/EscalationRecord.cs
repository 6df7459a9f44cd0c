using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One escalation step carried out (PRODUCT.md interpretation 8): stored once per
/// (ticket, clock, level, repeat) — the unique key is what makes a retry, the sweep or a
/// concurrent run a no-op.</summary>
public sealed class EscalationRecord
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public ClockKind Clock { get; set; }
    public EscalationLevel Level { get; set; }
    public int Repeat { get; set; }

    /// <summary>The instant the step fell due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The real instant it was recorded; never before <see cref="DueAt"/>.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>RecordedAt − DueAt in milliseconds.</summary>
    public long LatenessMs { get; set; }

    public RecipientGroup Recipients { get; set; }
    public EscalationSource Source { get; set; }

    /// <summary>How many people got the in-app notification.</summary>
    public int NotifiedUsers { get; set; }

    public FaultTicketRecord? Ticket { get; set; }
}

/// <summary>Who carried a step out.</summary>
public enum EscalationSource
{
    /// <summary>Its own job, scheduled ahead of the instant.</summary>
    Scheduled = 1,

    /// <summary>Found due when the ticket was (re)planned: a back-dated report, or a restart after downtime.</summary>
    CatchUp = 2,

    /// <summary>The periodic sweep, after a job went missing.</summary>
    Sweep = 3,
}
