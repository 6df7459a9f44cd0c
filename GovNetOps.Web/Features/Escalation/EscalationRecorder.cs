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

/// <summary>Carries out escalation steps: re-checks each against its ticket in the database, stores it once
/// (the unique key decides), notifies its recipients in-app in the same transaction, queues the outbound
/// deliveries, and tells open pages. Steps that fall due at one instant (one outage, many sites) are written
/// together: the first job of that instant to take the write lock records every step planned for it, in one
/// transaction; the other jobs find theirs recorded.</summary>
public sealed class EscalationRecorder(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    EscalationScheduler scheduler,
    SlaPolicyBook policies,
    IOptions<EscalationPolicy> escalation,
    IEnumerable<INotificationChannel> channels,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    Notifier<EscalationRecorded> recorded,
    TimeProvider time,
    ILogger<EscalationRecorder> logger)
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>At most this many steps in one transaction; the rest of an instant's steps follow in the next.</summary>
    public const int MaxBatch = 500;

    // One escalation writer at a time inside the process: SQLite has one writer anyway, and
    // waiting here is cheaper than SQLite's busy retries. Steps recorded on time go first:
    // a backlog of catch-up work (already late) must not make them late too.
    private readonly SemaphoreSlim _write = new(1, 1);
    private int _onTimeWaiting;

    /// <summary>Records the step (ticket, clock, level, repeat) due at <paramref name="dueAt"/> if it still
    /// applies: the ticket as it stood at that instant had the clock running and the step falling due exactly
    /// then (compare-and-set on the planned instant; a re-planned step has a new instant and its own job).
    /// A scheduled step brings along, in the same transaction, every other step planned for the same instant
    /// and not yet recorded, each re-checked against its own ticket the same way.
    /// Returns true when this call stored the step; false when it no longer applies or was stored before.</summary>
    public async Task<bool> CarryOutAsync(
        Guid ticketId, ClockKind clock, EscalationLevel level, int repeat, DateTimeOffset dueAt, EscalationSource source,
        CancellationToken cancellationToken = default)
    {
        var own = new EscalationStep(ticketId, clock, level, repeat, dueAt, default);
        await using var db = await OpenWriterAsync(cancellationToken);
        Written written;
        await EnterAsync(onTime: source == EscalationSource.Scheduled, cancellationToken);
        try
        {
            // Recorded by the job that took the lock first at this instant (or by a retry, the sweep, another process).
            if (await ExistsAsync(db, own, cancellationToken)) return false;
            var wanted = new List<EscalationStep> { own };
            if (source == EscalationSource.Scheduled)
            {
                wanted.AddRange(scheduler.PlannedAt(dueAt).Where(s => s.Key != own.Key).Take(MaxBatch - 1));
            }
            var steps = await StillDueAsync(db, wanted, cancellationToken);
            if (!steps.Any(s => s.Key == own.Key))
            {
                logger.LogDebug("Escalation {Key} at {DueAt:O} no longer applies", own.Key, dueAt);
            }
            if (steps.Count == 0) return false;
            written = await WriteAsync(db, steps, own.Key, source, cancellationToken);
        }
        finally
        {
            _write.Release();
        }
        AfterCommit(written, source);
        return written.Steps.Any(s => s.Key == own.Key);
    }

    /// <summary>Stores a step the caller found due (catch-up, the sweep); a duplicate is a no-op (false).</summary>
    public async Task<bool> RecordAsync(EscalationStep step, EscalationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var db = await OpenWriterAsync(cancellationToken);
        Written written;
        await EnterAsync(onTime: source == EscalationSource.Scheduled, cancellationToken);
        try
        {
            if (await ExistsAsync(db, step, cancellationToken)) return false;
            written = await WriteAsync(db, [step], step.Key, source, cancellationToken);
        }
        finally
        {
            _write.Release();
        }
        AfterCommit(written, source);
        return written.Steps.Count > 0;
    }

    /// <summary>The wanted steps that are not recorded and that their ticket, as it stood at the step's instant, still
    /// has falling due exactly then (with the ladder's recipients). One query for the records, one for the events.</summary>
    private async Task<List<EscalationStep>> StillDueAsync(AppDbContext db, List<EscalationStep> wanted, CancellationToken cancellationToken)
    {
        var ids = wanted.Select(s => s.TicketId).Distinct().ToList();
        var done = (await db.EscalationRecords.AsNoTracking().Where(r => ids.Contains(r.TicketId))
                .Select(r => new { r.TicketId, r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken))
            .Select(r => new EscalationStep(r.TicketId, r.Clock, r.Level, r.Repeat, default, default).Key).ToHashSet();
        var open = wanted.Where(s => !done.Contains(s.Key)).ToList();
        if (open.Count == 0) return [];
        var openIds = open.Select(s => s.TicketId).Distinct().ToList();
        var tickets = (await store.LoadWhereAsync(t => openIds.Contains(t.Id), cancellationToken)).ToDictionary(t => t.Id);
        var steps = new List<EscalationStep>(open.Count);
        foreach (var s in open)
        {
            if (!tickets.TryGetValue(s.TicketId, out var ticket) || !ticket.HasCarrierClocks) continue;
            var step = EscalationPlanner.DueAt(ticket, policies.ForVersion(ticket.PolicyVersion), escalation.Value, s.DueAt)
                .FirstOrDefault(d => d.Key == s.Key && d.DueAt == s.DueAt);
            if (step is not null) steps.Add(step);
        }
        return steps;
    }

    /// <summary>What one transaction stored, for what follows its commit.</summary>
    private sealed record Written(List<EscalationStep> Steps, List<EscalationRecord> Records, List<FaultTicketRecord> Tickets,
        HashSet<string> Users, List<NotificationDelivery> Deliveries)
    {
        public static Written None { get; } = new([], [], [], [], []);
    }

    /// <summary>Stores <paramref name="steps"/> in one transaction (records, in-app notifications, outbox), under the
    /// write lock. Should another process have stored one of them meanwhile (the unique key), only the step of
    /// <paramref name="ownKey"/> is tried again on its own.</summary>
    private async Task<Written> WriteAsync(AppDbContext db, List<EscalationStep> steps, string ownKey, EscalationSource source, CancellationToken cancellationToken)
    {
        var ids = steps.Select(s => s.TicketId).Distinct().ToList();
        var tickets = await db.FaultTickets.AsNoTracking().Include(t => t.Site).Include(t => t.Carrier)
            .Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var recipients = new Dictionary<(RecipientGroup, int), List<string>>();
        foreach (var key in steps.Select(s => (s.Recipients, tickets[s.TicketId].CarrierId)).Distinct())
        {
            recipients[key] = await RecipientUsersAsync(db, key.Recipients, key.CarrierId, cancellationToken);
        }
        var outbound = channels.Where(c => c.IsEnabled).ToList();

        // The instant of recording is taken under the lock, right before the insert, and never precedes a step.
        var now = time.GetUtcNow();
        foreach (var step in steps)
        {
            if (now < step.DueAt)
                throw new InvalidOperationException($"Escalation {step.Key} would be recorded {(step.DueAt - now).TotalMilliseconds} ms before its instant");
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var records = steps.Select(step => new EscalationRecord
        {
            TicketId = step.TicketId, Clock = step.Clock, Level = step.Level, Repeat = step.Repeat, DueAt = step.DueAt,
            RecordedAt = now, LatenessMs = (long)(now - step.DueAt).TotalMilliseconds, Recipients = step.Recipients,
            Source = source, NotifiedUsers = recipients[(step.Recipients, tickets[step.TicketId].CarrierId)].Count,
        }).ToList();
        db.EscalationRecords.AddRange(records);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
        {
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var own = steps.SingleOrDefault(s => s.Key == ownKey);
            if (steps.Count > 1 && own is not null)
            {
                logger.LogDebug("A step due at {DueAt:O} was recorded by another run; recording {Key} on its own", own.DueAt, own.Key);
                return await WriteAsync(db, [own], ownKey, source, cancellationToken);
            }
            logger.LogDebug("Escalation {Key} was recorded by another run", ownKey);
            return Written.None;
        }

        var users = new HashSet<string>();
        var deliveries = new List<NotificationDelivery>();
        foreach (var (step, record) in steps.Zip(records))
        {
            var ticket = tickets[step.TicketId];
            var carrier = ticket.Carrier!;
            var manager = $"{carrier.ManagerName} {carrier.ManagerMobile}".Trim();
            var (title, body) = EscalationMessages.For(step, ticket.Number, ticket.Site!.Name, carrier.Name, manager);
            var userIds = recipients[(step.Recipients, ticket.CarrierId)];
            users.UnionWith(userIds);
            db.Notifications.AddRange(userIds.Select(id => new Notification
            {
                UserId = id, TicketId = step.TicketId, EscalationRecordId = record.Id, Title = title, Body = body,
                Link = $"/tickets/{ticket.Number}", CreatedAt = now,
            }));
            if (outbound.Count == 0) continue;
            var message = new OutboundMessage(step.TicketId, ticket.Number, step.Clock.ToString(), step.Level.ToString(), step.Repeat,
                step.DueAt, now, record.LatenessMs, step.Recipients.ToString(), title, body,
                step.Recipients.HasFlag(RecipientGroup.CarrierManager) && carrier.ManagerMobile.Length > 0 ? [carrier.ManagerMobile] : []);
            var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
            deliveries.AddRange(outbound.Select(c => new NotificationDelivery
            {
                EscalationRecordId = record.Id, Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now,
            }));
        }
        db.NotificationDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new Written(steps, records, steps.Select(s => tickets[s.TicketId]).ToList(), users, deliveries);
    }

    /// <summary>After the commit, outside the lock: log, queue the outbound deliveries, tell the bells and open pages.</summary>
    private void AfterCommit(Written written, EscalationSource source)
    {
        foreach (var (step, (record, ticket)) in written.Steps.Zip(written.Records.Zip(written.Tickets)))
        {
            logger.LogInformation("Escalation {Number} {Clock} {Level} #{Repeat} due {DueAt:O} recorded {Lateness} ms late ({Source}); {Users} notified in-app",
                ticket.Number, step.Clock, step.Level, step.Repeat, step.DueAt, record.LatenessMs, source, record.NotifiedUsers);
        }
        if (written.Steps.Count > 1)
        {
            logger.LogInformation("{Count} escalation steps due at {DueAt:O} recorded in one transaction", written.Steps.Count, written.Steps[0].DueAt);
        }
        foreach (var delivery in written.Deliveries)
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        if (written.Users.Count > 0) inApp.Publish(new NotificationsArrived(written.Users));
        foreach (var (step, ticket) in written.Steps.Zip(written.Tickets))
            recorded.Publish(new EscalationRecorded(ticket.Id, ticket.Number, ticket.CarrierId, step.Clock, step.Level, step.Repeat));
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
