namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One outbound message (webhook, e-mail) of an escalation, written in the same
/// transaction as the escalation so a crash before sending loses nothing; the delivery job
/// updates it on every attempt.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public long EscalationRecordId { get; set; }
    public string Channel { get; set; } = "";

    /// <summary>The message as JSON (<c>OutboundMessage</c>), fixed when the escalation was recorded.</summary>
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
