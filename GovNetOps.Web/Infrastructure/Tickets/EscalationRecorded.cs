using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>An escalation step was recorded for a ticket (the ticket itself did not change).</summary>
public sealed record EscalationRecorded(Guid TicketId, string Number, int CarrierId, ClockKind Clock, EscalationLevel Level, int Repeat);
