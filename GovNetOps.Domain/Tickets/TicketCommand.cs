namespace GovNetOps.Domain.Tickets;

/// <summary>
/// A lifecycle command. Whether <paramref name="Reason"/> is required, and whether <paramref name="OccurredAt"/> is,
/// is a fact of the move's row in <see cref="TransitionTable"/> (<see cref="Transition.ReasonRequired"/>,
/// <see cref="Transition.OccurredAtRequired"/>).
/// </summary>
/// <param name="Trigger">What happens.</param>
/// <param name="Reason">Reason or note.</param>
/// <param name="OccurredAt">
/// When the move really happened, for moves recorded after the fact (the carrier's phone call for
/// <see cref="TicketTrigger.RecordAcknowledgement"/>, interpretation 9); ignored by every other move.
/// </param>
public sealed record TicketCommand(TicketTrigger Trigger, string? Reason = null, DateTimeOffset? OccurredAt = null);
