namespace GovNetOps.Web.Features.Notifications;

/// <summary>Singleton fan-out of new in-app notifications to open circuits (the bell); the
/// payload is the set of user ids that got one. Subscribers unsubscribe on dispose.</summary>
public sealed class InAppNotifier(ILogger<InAppNotifier> logger)
{
    public event Func<IReadOnlySet<string>, Task>? Arrived;

    public async Task PublishAsync(IReadOnlySet<string> userIds)
    {
        if (userIds.Count == 0) return;
        var handlers = Arrived?.GetInvocationList().Cast<Func<IReadOnlySet<string>, Task>>().ToArray() ?? [];
        foreach (var handler in handlers)
        {
            try { await handler(userIds); }
            catch (Exception ex) { logger.LogWarning(ex, "A notification subscriber failed"); }
        }
    }
}
