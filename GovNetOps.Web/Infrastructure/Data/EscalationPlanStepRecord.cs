using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One escalation step still ahead of a ticket and the Hangfire job that carries it out: at most one per
/// (ticket, clock, level, repeat), whichever instance planned it. A step leaves the plan when its job has run, when it
/// no longer applies (its job is deleted) or when it moves (a new job, the old one deleted).</summary>
public sealed class EscalationPlanStepRecord
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public ClockKind Clock { get; set; }
    public EscalationLevel Level { get; set; }
    public int Repeat { get; set; }

    /// <summary>The step's instant; the steps of one instant are recorded together, found by this column.</summary>
    public DateTimeOffset DueAt { get; set; }

    public RecipientGroup Recipients { get; set; }

    /// <summary>The Hangfire job scheduled for it (in the shared storage on PostgreSQL).</summary>
    public string JobId { get; set; } = "";

    public EscalationStep ToStep() => new(TicketId, Clock, Level, Repeat, DueAt, Recipients);
}
