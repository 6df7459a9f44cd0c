using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Tickets.Components;

/// <summary>What the action panel asks the page to apply: the move, the ticket version the person decided on
/// (the one shown when they opened the prompt), its reason or note, and for a move recorded after the fact
/// (a phoned acknowledgement) when it really happened.</summary>
public sealed record ActionRequest(TicketTrigger Trigger, int ExpectedVersion, string? Reason = null, DateTimeOffset? OccurredAt = null);
