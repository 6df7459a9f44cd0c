using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Tickets;

/// <summary>
/// One applied lifecycle move: who, role, when, why and the data it changed. The history of events is
/// the ticket (<see cref="FaultTicket.Rehydrate"/>); the Report event carries every ticket field.
/// </summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Sequence">1-based position in the ticket's history.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="ActorId">User id of the actor.</param>
/// <param name="ActorName">Display name of the actor.</param>
/// <param name="ActorRole">Role of the actor.</param>
/// <param name="At">When it was recorded (UTC).</param>
/// <param name="Reason">Reason or note, if any.</param>
/// <param name="Data">What it changed, as invariant strings (instants in ISO 8601 "O" format).</param>
public sealed record TicketEvent(
    Guid TicketId,
    int Sequence,
    TicketTrigger Trigger,
    string ActorId,
    string ActorName,
    Role ActorRole,
    DateTimeOffset At,
    string? Reason,
    IReadOnlyDictionary<string, string> Data);
