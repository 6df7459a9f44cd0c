using System.Text.Json;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Notifications.Announcements;

/// <summary>
/// Tells people about new work: a backbone ticket reported → its carrier's users (in-app, and the outbound channels
/// with the ticket's absolute link); a complex-fault or suspension request → the Ops users (in-app).
/// </summary>
/// <remarks>
/// It reads the ticket events in order after its <see cref="EventCursor"/> and advances the cursor in the same
/// transaction as the notification and delivery rows it writes, so each event is announced exactly once: a restart
/// between a ticket's commit and its announcement finds the event after the cursor and announces it then
/// (<see cref="CatchUpAsync"/> at start-up); a second run over the same events finds the cursor moved and writes
/// nothing. The ticket writer never waits: <see cref="Notifier{T}"/> of <see cref="TicketChanged"/> only wakes this
/// reader up after the commit. Outbound sends happen later, from the <see cref="NotificationDelivery"/> outbox.
/// </remarks>
public sealed class TicketAnnouncer(
    IDbContextFactory<AppDbContext> factory,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> options,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    TimeProvider time,
    ILogger<TicketAnnouncer> logger)
{
    public const string CursorName = "announcements";
    private const int BatchSize = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the cursor at the newest event when there is none (a new database, or the first start of
    /// this version): history from before is not announced again.</summary>
    public async Task EnsureCursorAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.EventCursors.AnyAsync(c => c.Name == CursorName, cancellationToken))
        {
            return;
        }
        var latest = await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        db.EventCursors.Add(new EventCursor { Name = CursorName, LastEventId = latest });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Woken by a committed ticket change (runs on the notifier's thread, never in the writer's).</summary>
    public Task OnTicketChangedAsync(TicketChanged change) => CatchUpAsync(CancellationToken.None);

    /// <summary>Announces every event after the cursor; returns how many notifications it wrote.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            while (await NextBatchAsync(cancellationToken) is { } batch)
            {
                written += batch;
            }
            return written;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One batch of events; null when the cursor is at the end.</summary>
    private async Task<int?> NextBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.EventCursors.AsNoTracking().SingleAsync(c => c.Name == CursorName, cancellationToken);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.Id > cursor.LastEventId).OrderBy(e => e.Id).Take(BatchSize)
            .Select(e => new AnnouncedEvent(e.Id, e.TicketId, e.Trigger, e.ActorName, e.At, e.Reason)).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return null;
        }

        var relevant = events.Where(e => Audience(e.Trigger) is not null).ToList();
        var ticketIds = relevant.Select(e => e.TicketId).Distinct().ToList();
        var tickets = await db.FaultTickets.AsNoTracking().Include(t => t.Site).Include(t => t.Carrier)
            .Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var recipients = await RecipientsAsync(db, tickets.Values.Select(t => t.CarrierId).Distinct().ToList(), cancellationToken);
        var outbound = channels.Where(c => c.IsEnabled).ToList();
        var now = time.GetUtcNow();

        var notifications = new List<Notification>();
        var deliveries = new List<NotificationDelivery>();
        foreach (var e in relevant)
        {
            if (!tickets.TryGetValue(e.TicketId, out var ticket) || !StillWaiting(e.Trigger, ticket))
            {
                continue;
            }
            var (title, body) = AnnouncementMessages.For(e.Trigger, ticket, e.ActorName, e.At, e.Reason);
            var users = Audience(e.Trigger) == AnnouncementAudience.Carrier
                ? recipients.Carriers.GetValueOrDefault(ticket.CarrierId, [])
                : recipients.Ops;
            notifications.AddRange(users.Select(userId => new Notification
            {
                UserId = userId, TicketId = ticket.Id, Title = title, Body = body, Link = NotificationOptions.TicketPath(ticket.Number), CreatedAt = now,
            }));
            if (e.Trigger == TicketTrigger.Report)
            {
                var message = new OutboundMessage(ticket.Id, ticket.Number, OutboundMessage.NewTicketKind, title, body,
                    options.Value.TicketUrl(ticket.Number), now, []);
                var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
                deliveries.AddRange(outbound.Select(c => new NotificationDelivery
                {
                    TicketId = ticket.Id, Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now,
                }));
            }
        }

        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Compare-and-set: a second reader that got here first has written these events' rows already.
            var moved = await db.EventCursors.Where(c => c.Name == CursorName && c.LastEventId == cursor.LastEventId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastEventId, events[^1].Id), cancellationToken);
            if (moved != 1)
            {
                return 0;
            }
            db.Notifications.AddRange(notifications);
            db.NotificationDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        foreach (var delivery in deliveries)
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        }
        if (notifications.Count > 0)
        {
            inApp.Publish(new NotificationsArrived(notifications.Select(n => n.UserId).ToHashSet()));
            logger.LogInformation("Announced {Count} ticket events to {Users} users; {Deliveries} outbound deliveries queued",
                relevant.Count, notifications.Select(n => n.UserId).Distinct().Count(), deliveries.Count);
        }
        return notifications.Count;
    }

    /// <summary>Who hears of an event, by its trigger; null for events nobody is told about.</summary>
    /// <remarks>New kinds of work (e.g. maintenance notices awaiting approval) add their own trigger or reader here.</remarks>
    private static AnnouncementAudience? Audience(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.Report => AnnouncementAudience.Carrier,
        TicketTrigger.RequestComplex or TicketTrigger.RequestSuspend => AnnouncementAudience.Ops,
        _ => null,
    };

    // Read after a restart, the event may be old news: a ticket closed meanwhile, a LAN fault (no carrier's work,
    // Article 11), a request Ops already decided. Those are not announced.
    private static bool StillWaiting(TicketTrigger trigger, FaultTicketRecord ticket) => trigger switch
    {
        TicketTrigger.Report => ticket.IsOpen && ticket.Scope == FaultScope.Backbone,
        TicketTrigger.RequestComplex => ticket.IsOpen && ticket.Complex == ComplexStatus.Requested,
        TicketTrigger.RequestSuspend => ticket.IsOpen && ticket.SuspendRequested,
        _ => false,
    };

    private static async Task<Recipients> RecipientsAsync(AppDbContext db, List<int> carrierIds, CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == AppRoles.Ops || (r.Name == AppRoles.Carrier && u.CarrierId != null && carrierIds.Contains(u.CarrierId.Value))
                          select new { u.Id, Role = r.Name, u.CarrierId }).ToListAsync(cancellationToken);
        return new Recipients(
            rows.Where(r => r.Role == AppRoles.Ops).Select(r => r.Id).Distinct().ToList(),
            rows.Where(r => r.Role == AppRoles.Carrier).GroupBy(r => r.CarrierId!.Value)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().ToList()));
    }

    private sealed record AnnouncedEvent(long Id, Guid TicketId, TicketTrigger Trigger, string ActorName, DateTimeOffset At, string? Reason);

    private sealed record Recipients(List<string> Ops, Dictionary<int, List<string>> Carriers);

    private enum AnnouncementAudience
    {
        Carrier = 1,
        Ops = 2,
    }
}
