using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>What changed, published after the transaction committed.</summary>
public sealed record TicketChange(Guid TicketId, string Number, int CarrierId, TicketTrigger? Trigger, int Version);

/// <summary>Singleton fan-out of committed ticket changes to open pages (ticket page, queues,
/// the breach board). Subscribers must be cheap and must unsubscribe on dispose.</summary>
public sealed class TicketChangeNotifier(ILogger<TicketChangeNotifier> logger)
{
    public event Func<TicketChange, Task>? Changed;

    public async Task PublishAsync(TicketChange change)
    {
        var handlers = Changed?.GetInvocationList().Cast<Func<TicketChange, Task>>().ToArray() ?? [];
        foreach (var handler in handlers)
        {
            try { await handler(change); }
            catch (Exception ex) { logger.LogWarning(ex, "A ticket-change subscriber failed for {Number}", change.Number); }
        }
    }
}
