namespace GovNetOps.Web.Features.Notifications;

/// <summary>What an outbound channel sends: an escalation step or an announcement of new work; stored as JSON with the
/// delivery. <see cref="Link"/> is the absolute address of the ticket page (<see cref="NotificationOptions.PublicBaseUrl"/>);
/// the escalation fields are empty for an announcement.</summary>
public sealed record OutboundMessage(
    Guid TicketId,
    string TicketNumber,
    string Kind,
    string Title,
    string Text,
    string? Link,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> MentionMobiles,
    string? Clock = null,
    string? Level = null,
    int Repeat = 0,
    DateTimeOffset? DueAt = null,
    long LatenessMs = 0,
    string? Recipients = null)
{
    /// <summary>An escalation step (<see cref="Clock"/>, <see cref="Level"/> and the rest are set).</summary>
    public const string EscalationKind = "Escalation";

    /// <summary>A new ticket for the carrier.</summary>
    public const string NewTicketKind = "NewTicket";

    /// <summary>A maintenance notice alert (approval reminder, overrun); TicketNumber holds the notice number.</summary>
    public const string MaintenanceKind = "Maintenance";

    /// <summary>The text with the link on its own last line, for channels that send plain text.</summary>
    public string TextWithLink() => string.IsNullOrEmpty(Link) ? Text : $"{Text}\n{Link}";
}
