namespace GovNetOps.Web.Features.Notifications;

/// <summary>An outbound channel. A send that fails throws; the delivery job retries it.</summary>
public interface INotificationChannel
{
    /// <summary>Stable name stored with each delivery ("webhook", "smtp").</summary>
    string Name { get; }

    bool IsEnabled { get; }

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
