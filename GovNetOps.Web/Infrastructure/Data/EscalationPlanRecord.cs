namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>A ticket's escalation plan, shared by every instance: the ticket version it was last brought in line with.
/// Its steps are <see cref="EscalationPlanStepRecord"/> rows. Kept after the ticket closes (an empty plan at its last
/// version), so that "planned at version n" stays answerable.</summary>
public sealed class EscalationPlanRecord
{
    public Guid TicketId { get; set; }

    /// <summary>The ticket version the steps were last planned for.</summary>
    public int PlannedVersion { get; set; }
}
