using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>A lifecycle event was committed: the ticket is now at <paramref name="Version"/>.</summary>
public sealed record TicketChanged(Guid TicketId, string Number, int CarrierId, TicketTrigger Trigger, int Version);
