using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Tickets;

/// <summary>
/// One row of the lifecycle table: in state <paramref name="From"/>, <paramref name="Role"/> may fire <paramref name="Trigger"/>
/// and the ticket moves to <paramref name="To"/>. The row also carries what the move demands of the person firing it.
/// </summary>
/// <param name="From">State before; null only for <see cref="TicketTrigger.Report"/>.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Role">The role allowed.</param>
/// <param name="To">State after (equal to <paramref name="From"/> for notes and requests).</param>
public sealed record Transition(TicketState? From, TicketTrigger Trigger, Role Role, TicketState To)
{
    /// <summary>
    /// The refusal (in Chinese, naming what to write) when the move is fired without a reason or note;
    /// null when the move needs none.
    /// </summary>
    public string? MissingReasonMessage { get; init; }

    /// <summary>True when the move is refused without a reason or note (<see cref="MissingReasonMessage"/> says which).</summary>
    public bool ReasonRequired => MissingReasonMessage is not null;

    /// <summary>
    /// True when <see cref="Role"/> records the move for the party who normally takes it: Ops recording a carrier's
    /// acknowledgement made by phone (PRODUCT.md interpretation 9). Audited as done on the carrier's behalf.
    /// </summary>
    public bool IsOnBehalf { get; init; }

    /// <summary>
    /// True when the move happened before it was recorded and the command must say when
    /// (<see cref="TicketCommand.OccurredAt"/>, e.g. the time of the carrier's phone call).
    /// </summary>
    public bool OccurredAtRequired { get; init; }
}
