namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>An in-app message to one user (the bell in the app bar).</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid? TicketId { get; set; }
    public long? EscalationRecordId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Where the notification leads, e.g. the ticket page.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
