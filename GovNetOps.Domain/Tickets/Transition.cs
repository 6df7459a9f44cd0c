using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Tickets;

/// <summary>One row of the lifecycle table: in state <paramref name="From"/>, <paramref name="Role"/> may fire <paramref name="Trigger"/> and the ticket moves to <paramref name="To"/>.</summary>
/// <param name="From">State before; null only for <see cref="TicketTrigger.Report"/>.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Role">The role allowed.</param>
/// <param name="To">State after (equal to <paramref name="From"/> for notes and requests).</param>
public sealed record Transition(TicketState? From, TicketTrigger Trigger, Role Role, TicketState To);
