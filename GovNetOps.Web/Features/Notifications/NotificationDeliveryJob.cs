using System.Text.Json;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>Sends one outbound delivery. A failure is logged, counted on the delivery row and
/// rethrown so Hangfire retries it; what it reports (escalation, new ticket) was committed before and is never touched.</summary>
public sealed class NotificationDeliveryJob(
    IDbContextFactory<AppDbContext> factory,
    IEnumerable<INotificationChannel> channels,
    TimeProvider time,
    ILogger<NotificationDeliveryJob> logger)
{
    public const int MaxAttempts = 6;

    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [1, 2, 5, 15, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.NotificationDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null || delivery.State == DeliveryState.Delivered)
        {
            return;
        }

        var channel = channels.FirstOrDefault(c => c.Name == delivery.Channel);
        delivery.Attempts++;
        try
        {
            if (channel is null)
            {
                throw new InvalidOperationException($"Unknown notification channel '{delivery.Channel}'");
            }

            var message = JsonSerializer.Deserialize<OutboundMessage>(delivery.Payload, JsonSerializerOptions.Web)!;
            await channel.SendAsync(message, cancellationToken);
            delivery.State = DeliveryState.Delivered;
            delivery.DeliveredAt = time.GetUtcNow();
            delivery.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Delivered {Delivery} (escalation {Record}) via {Channel} (attempt {Attempt})", delivery.Id, delivery.EscalationRecordId, delivery.Channel, delivery.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            delivery.State = delivery.Attempts >= MaxAttempts ? DeliveryState.Failed : DeliveryState.Pending;
            delivery.LastError = ex.Message.Length <= 1000 ? ex.Message : ex.Message[..1000];
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Delivery {Delivery} (escalation {Record}) via {Channel} failed (attempt {Attempt} of {Max})",
                delivery.Id, delivery.EscalationRecordId, delivery.Channel, delivery.Attempts, MaxAttempts);
            throw;
        }
    }
}
