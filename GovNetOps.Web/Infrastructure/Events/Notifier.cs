using System.Globalization;

namespace GovNetOps.Web.Infrastructure.Events;

/// <summary>
/// Singleton fan-out of one kind of committed fact (<see cref="TicketChanged"/>, <see cref="EscalationRecorded"/>)
/// to whoever listens: open pages, the board, the escalation scheduler. <see cref="Publish"/> returns at once:
/// each subscriber runs on its own thread-pool work item, so a writer returns as soon as its transaction
/// commits and no page's reload runs inside the writer's await. A subscriber that throws is logged.
/// </summary>
/// <remarks>Two publications can reach a subscriber in either order: compare versions, or reload the latest state.
/// With several instances (PostgreSQL) the other instances' facts arrive through <see cref="PublishFromCluster"/>
/// (<see cref="PostgreSqlClusterEvents"/> decides which, from the rows their transactions committed); subscribers that
/// act for the instance that made the change (the escalation planner, the announcer) subscribe with <c>localOnly</c>.</remarks>
public sealed class Notifier<T>(ILogger<Notifier<T>> logger) where T : notnull
{
    private readonly Lock _gate = new();
    private Func<T, Task>[] _subscribers = [];
    private Func<T, Task>[] _localOnly = [];

    /// <summary>Listens until the returned handle is disposed. The subscriber runs in the culture it subscribed in
    /// (a page's circuit language), not the publisher's: an English page refreshed by a write made in a Chinese
    /// circuit or a background job stays English.</summary>
    public IDisposable Subscribe(Func<T, Task> subscriber, bool localOnly = false)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        Func<T, Task> delivered = fact =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return subscriber(fact);
        };
        lock (_gate)
        {
            _subscribers = [.. _subscribers, delivered];
            if (localOnly)
            {
                _localOnly = [.. _localOnly, delivered];
            }
        }
        return new Subscription(this, delivered);
    }

    /// <summary>Hands <paramref name="fact"/>, committed on this instance, to every subscriber on the thread pool; never
    /// waits for them.</summary>
    public void Publish(T fact) => Deliver(fact, fromCluster: false);

    /// <summary>A fact another instance committed: every subscriber but the local-only ones.</summary>
    public void PublishFromCluster(T fact) => Deliver(fact, fromCluster: true);

    private void Deliver(T fact, bool fromCluster)
    {
        var localOnly = fromCluster ? Volatile.Read(ref _localOnly) : [];
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (fromCluster && Array.IndexOf(localOnly, subscriber) >= 0)
            {
                continue;
            }

            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Self.DeliverAsync(s.Subscriber, s.Fact),
                (Self: this, Subscriber: subscriber, Fact: fact), preferLocal: false);
        }
    }

    private async Task DeliverAsync(Func<T, Task> subscriber, T fact)
    {
        try
        {
            await subscriber(fact);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to take {Fact}", fact);
        }
    }

    private void Unsubscribe(Func<T, Task> subscriber)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
            var local = Array.IndexOf(_localOnly, subscriber);
            if (local >= 0)
            {
                _localOnly = [.. _localOnly[..local], .. _localOnly[(local + 1)..]];
            }
        }
    }

    private sealed class Subscription(Notifier<T> owner, Func<T, Task> subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(subscriber);
            }
        }
    }
}
