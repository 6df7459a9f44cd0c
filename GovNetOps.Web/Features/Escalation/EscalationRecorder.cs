using GovNetOps.Web.Infrastructure.Events;
using System.Text.Json;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Carries out one escalation step: re-checks it against the ticket in the database,
/// stores it once (the unique key decides), notifies its recipients in-app in the same
/// transaction, queues the outbound deliveries, and tells open pages.</summary>
public sealed class EscalationRecorder(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    IOptions<EscalationPolicy> escalation,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> links,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    Notifier<EscalationRecorded> recorded,
    TimeProvider time,
    ILogger<EscalationRecorder> logger)
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // One escalation writer at a time inside the process: SQLite has one writer anyway, and
    // waiting here is cheaper than SQLite's busy retries. Steps recorded on time go first:
    // a backlog of catch-up work (already late) must not make them late too.
    private readonly SemaphoreSlim _write = new(1, 1);
    private int _onTimeWaiting;

    /// <summary>Records the step (ticket, clock, level, repeat) due at <paramref name="dueAt"/> if it still
    /// applies: the ticket as it stood at that instant had the clock running and the step falling due exactly
    /// then (compare-and-set on the planned instant; a re-planned step has a new instant and its own job).
    /// Returns true when this call stored it; false when it no longer applies or was stored before.</summary>
    public async Task<bool> CarryOutAsync(
        Guid ticketId, ClockKind clock, EscalationLevel level, int repeat, DateTimeOffset dueAt, EscalationSource source,
        CancellationToken cancellationToken = default)
    {
        var ticket = await store.LoadAsync(ticketId, cancellationToken);
        if (ticket is null || !ticket.HasCarrierClocks) return false;
        var step = EscalationPlanner.DueAt(ticket, policies.ForVersion(ticket.PolicyVersion), escalation.Value, dueAt)
            .FirstOrDefault(s => s.Clock == clock && s.Level == level && s.Repeat == repeat && s.DueAt == dueAt);
        if (step is null)
        {
            logger.LogDebug("Escalation {Ticket}:{Clock}:{Level}:{Repeat} at {DueAt:O} no longer applies", ticketId, clock, level, repeat, dueAt);
            return false;
        }
        return await RecordAsync(step, source, cancellationToken);
    }

    /// <summary>Stores a step the caller found due; a duplicate is a no-op (false).</summary>
    public async Task<bool> RecordAsync(EscalationStep step, EscalationSource source, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenWriterAsync(cancellationToken);
        if (await ExistsAsync(db, step, cancellationToken)) return false;

        var ticket = await db.FaultTickets.AsNoTracking().Include(t => t.Site).Include(t => t.Carrier)
            .SingleAsync(t => t.Id == step.TicketId, cancellationToken);
        var userIds = await RecipientUsersAsync(db, step.Recipients, ticket.CarrierId, cancellationToken);
        var carrier = ticket.Carrier!;
        var manager = $"{carrier.ManagerName} {carrier.ManagerMobile}".Trim();
        var (title, body) = EscalationMessages.For(step, ticket.Number, ticket.Site!.Name, carrier.Name, manager);
        var outbound = channels.Where(c => c.IsEnabled).ToList();

        EscalationRecord record;
        List<NotificationDelivery> deliveries = [];
        await EnterAsync(onTime: source == EscalationSource.Scheduled, cancellationToken);
        try
        {
            // Checked again under the lock: a concurrent run in this process may have stored it meanwhile.
            if (await ExistsAsync(db, step, cancellationToken)) return false;
            // The instant of recording is taken under the lock, right before the insert, and never precedes the step.
            var now = time.GetUtcNow();
            if (now < step.DueAt)
                throw new InvalidOperationException($"Escalation {step.Key} would be recorded {(step.DueAt - now).TotalMilliseconds} ms before its instant");
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            record = new EscalationRecord
            {
                TicketId = step.TicketId, Clock = step.Clock, Level = step.Level, Repeat = step.Repeat, DueAt = step.DueAt,
                RecordedAt = now, LatenessMs = (long)(now - step.DueAt).TotalMilliseconds, Recipients = step.Recipients,
                Source = source, NotifiedUsers = userIds.Count,
            };
            db.EscalationRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
            {
                logger.LogDebug("Escalation {Key} was recorded by another run", step.Key);
                return false;
            }

            db.Notifications.AddRange(userIds.Select(id => new Notification
            {
                UserId = id, TicketId = step.TicketId, EscalationRecordId = record.Id, Title = title, Body = body,
                Link = NotificationOptions.TicketPath(ticket.Number), CreatedAt = now,
            }));
            var message = new OutboundMessage(step.TicketId, ticket.Number, OutboundMessage.EscalationKind, title, body,
                links.Value.TicketUrl(ticket.Number), now,
                step.Recipients.HasFlag(RecipientGroup.CarrierManager) && carrier.ManagerMobile.Length > 0 ? [carrier.ManagerMobile] : [],
                step.Clock.ToString(), step.Level.ToString(), step.Repeat, step.DueAt, record.LatenessMs, step.Recipients.ToString());
            var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
            deliveries = outbound.Select(c => new NotificationDelivery
            {
                EscalationRecordId = record.Id, TicketId = step.TicketId, Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now,
            }).ToList();
            db.NotificationDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }

        logger.LogInformation("Escalation {Number} {Clock} {Level} #{Repeat} due {DueAt:O} recorded {Lateness} ms late ({Source}); {Users} notified in-app",
            ticket.Number, step.Clock, step.Level, step.Repeat, step.DueAt, record.LatenessMs, source, userIds.Count);
        foreach (var delivery in deliveries)
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        if (userIds.Count > 0) inApp.Publish(new NotificationsArrived(userIds.ToHashSet()));
        recorded.Publish(new EscalationRecorded(ticket.Id, ticket.Number, ticket.CarrierId, step.Clock, step.Level, step.Repeat));
        return true;
    }

    /// <summary>A context on the escalation writer's own connection pool, with synchronous=NORMAL: in WAL
    /// mode a commit then survives a crash of the app but not a power cut. That is enough here, and only
    /// here, because every escalation is derived from the ticket events: one lost with the power is found
    /// due at the next start and recorded again (late). Ticket events keep SQLite's full sync.</summary>
    private async Task<AppDbContext> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        // A different connection string is a different pool, so the pragma never reaches other writers.
        db.Database.SetConnectionString(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Cache = SqliteCacheMode.Private }.ToString());
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", cancellationToken);
        return db;
    }

    private async Task EnterAsync(bool onTime, CancellationToken cancellationToken)
    {
        if (onTime)
        {
            Interlocked.Increment(ref _onTimeWaiting);
            try { await _write.WaitAsync(cancellationToken); }
            finally { Interlocked.Decrement(ref _onTimeWaiting); }
            return;
        }
        while (true)
        {
            await _write.WaitAsync(cancellationToken);
            if (Volatile.Read(ref _onTimeWaiting) == 0) return;
            _write.Release();
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>Queues the deliveries a crash left unsent.</summary>
    public async Task<int> ResumeDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.NotificationDeliveries.Where(d => d.State == DeliveryState.Pending).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in pending) jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(id, CancellationToken.None));
        return pending.Count;
    }

    private static Task<bool> ExistsAsync(AppDbContext db, EscalationStep step, CancellationToken cancellationToken) =>
        db.EscalationRecords.AnyAsync(r => r.TicketId == step.TicketId && r.Clock == step.Clock && r.Level == step.Level && r.Repeat == step.Repeat, cancellationToken);

    /// <summary>People notified in-app by role: the carrier's own engineers, the ops duty officers,
    /// leadership. The carrier's manager has no account; the outbound channels reach them by mobile.</summary>
    private static async Task<List<string>> RecipientUsersAsync(AppDbContext db, RecipientGroup groups, int carrierId, CancellationToken cancellationToken)
    {
        var roles = new List<string>();
        if (groups.HasFlag(RecipientGroup.OpsDutyOfficer)) roles.Add(AppRoles.Ops);
        if (groups.HasFlag(RecipientGroup.Leadership)) roles.Add(AppRoles.Leader);
        var engineers = groups.HasFlag(RecipientGroup.CarrierEngineers);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where roles.Contains(r.Name!) || (engineers && r.Name == AppRoles.Carrier && u.CarrierId == carrierId)
                      select u.Id).Distinct().ToListAsync(cancellationToken);
    }
}
