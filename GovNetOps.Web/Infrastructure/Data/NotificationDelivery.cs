namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One outbound message (webhook, e-mail) of an escalation or an announcement of new work, written in
/// the same transaction as what it reports so a crash before sending loses nothing; the delivery job
/// updates it on every attempt.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    /// <summary>The escalation it reports; null for an announcement (a new ticket).</summary>
    public long? EscalationRecordId { get; set; }

    /// <summary>The ticket the message is about.</summary>
    public Guid? TicketId { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>The message as JSON (<c>OutboundMessage</c>), fixed when it was queued.</summary>
    public string Payload { get; set; } = "";

    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

public enum DeliveryState
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}
