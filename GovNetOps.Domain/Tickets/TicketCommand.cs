namespace GovNetOps.Domain.Tickets;

/// <summary>
/// A lifecycle command. <paramref name="Reason"/> is the reason or note text; it is required for
/// RequestComplex, RejectComplex, RequestSuspend, RejectSuspend, MarkRepaired (repair note),
/// ConfirmClosed (回访 note), Reopen, Cancel and PostProgress (the progress text).
/// </summary>
/// <param name="Trigger">What happens.</param>
/// <param name="Reason">Reason or note.</param>
public sealed record TicketCommand(TicketTrigger Trigger, string? Reason = null);
