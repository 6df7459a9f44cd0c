namespace GovNetOps.Domain.Sla;

/// <summary>
/// One escalation step of a ticket's clock (PRODUCT.md interpretation 8). <see cref="Key"/> identifies it
/// (ticket, clock, level, repeat) so a job can carry it out exactly once.
/// </summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Clock">Response or repair.</param>
/// <param name="Level">The rung.</param>
/// <param name="Repeat">0 for Reminder/Warning/Breach; 1, 2, … for re-notifications.</param>
/// <param name="DueAt">The exact instant the step is due (UTC).</param>
/// <param name="Recipients">Who is notified.</param>
public sealed record EscalationStep(
    Guid TicketId,
    ClockKind Clock,
    EscalationLevel Level,
    int Repeat,
    DateTimeOffset DueAt,
    RecipientGroup Recipients)
{
    /// <summary>Identity of the step: "{ticket}:{clock}:{level}:{repeat}", e.g. "3f…:Repair:Breach:0".</summary>
    public string Key => $"{TicketId:D}:{Clock}:{Level}:{Repeat}";
}
