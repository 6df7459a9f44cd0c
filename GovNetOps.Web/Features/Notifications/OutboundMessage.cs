namespace GovNetOps.Web.Features.Notifications;

/// <summary>What an outbound channel sends for one escalation; stored as JSON with the delivery.</summary>
public sealed record OutboundMessage(
    Guid TicketId,
    string TicketNumber,
    string Clock,
    string Level,
    int Repeat,
    DateTimeOffset DueAt,
    DateTimeOffset RecordedAt,
    long LatenessMs,
    string Recipients,
    string Title,
    string Text,
    IReadOnlyList<string> MentionMobiles);
