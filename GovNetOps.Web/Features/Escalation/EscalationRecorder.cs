using System.Collections.Concurrent;
using System.Text.Json;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
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
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> links,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    Notifier<EscalationRecorded> recorded,
    TimeProvider time,
    ILogger<EscalationRecorder> logger)
{
    /// <summary>At most this many steps in one transaction; the rest of an instant's steps follow in the next.</summary>
    public const int MaxBatch = 500;

    // One escalation writer at a time inside the process: SQLite has one writer anyway, and
    // waiting here is cheaper than SQLite's busy retries. Steps recorded on time go first:
    // a backlog of catch-up work (already late) must not make them late too.
    private readonly SemaphoreSlim _write = new(1, 1);
    private int _onTimeWaiting;

    // Steps this process recorded lately, by key, with their instant: the other jobs of a burst learn here, without
    // opening the database, that the first job recorded theirs. Only a shortcut: the unique key remains the guarantee.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recordedHere = new();
    private static readonly TimeSpan RememberRecorded = TimeSpan.FromMinutes(10);

    // What the jobs of an instant read ahead of it (they start ScheduleLead early): the tickets planned for it, their
    // versions and the steps those versions have falling due then, their numbers and names, the recipients. At the
    // instant only the versions are compared; a ticket that changed meanwhile is read again.
    private readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task<Prepared?>>> _prepared = new();

    private sealed record Prepared(
        Dictionary<Guid, (int Version, List<EscalationStep> Due)> Tickets,
        Dictionary<Guid, FaultTicketRecord> Heads,
        Dictionary<(RecipientGroup, int), List<string>> Recipients);

    /// <summary>Reads ahead what recording the steps planned for <paramref name="dueAt"/> needs (once per instant, whichever
    /// job asks first); records nothing. A failure here only means the reading is done at the instant.</summary>
    public async Task PrepareAsync(DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var at in _prepared.Keys)
        {
            if (at < now - TimeSpan.FromMinutes(1))
            {
                _prepared.TryRemove(at, out _);
            }
        }
        await _prepared.GetOrAdd(dueAt, at => new Lazy<Task<Prepared?>>(() => ReadAheadAsync(at, cancellationToken))).Value;
    }

    private async Task<Prepared?> ReadAheadAsync(DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        try
        {
            var ids = (await scheduler.PlannedAtAsync(dueAt, cancellationToken)).Select(s => s.TicketId).Distinct().Take(MaxBatch).ToList();
            var tickets = new Dictionary<Guid, (int, List<EscalationStep>)>();
            foreach (var ticket in await store.LoadWhereAsync(t => ids.Contains(t.Id), cancellationToken))
            {
                var due = ticket.HasCarrierClocks
                    ? EscalationPlanner.DueAt(ticket, policies.ForVersion(ticket.PolicyVersion), dueAt).Where(d => d.DueAt == dueAt).ToList()
                    : [];
                tickets[ticket.Id] = (ticket.Version, due);
            }
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var heads = await HeadsAsync(db, ids, cancellationToken);
            var recipients = new Dictionary<(RecipientGroup, int), List<string>>();
            foreach (var key in tickets.SelectMany(t => t.Value.Item2).Select(s => (s.Recipients, heads[s.TicketId].CarrierId)).Distinct())
            {
                recipients[key] = await RecipientUsersAsync(db, key.Recipients, key.CarrierId, cancellationToken);
            }
            return new Prepared(tickets, heads, recipients);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading ahead for the escalation steps due at {DueAt:O} failed; they are read at the instant", dueAt);
            return null;
        }
    }

    private Prepared? PreparedFor(DateTimeOffset dueAt) =>
        _prepared.TryGetValue(dueAt, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result : null;

    private static Task<Dictionary<Guid, FaultTicketRecord>> HeadsAsync(AppDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.FaultTickets.AsNoTracking().Include(t => t.Site).Include(t => t.Carrier)
            .Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

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
        Written written;
        // Nothing before the lock: when a burst falls due, dozens of jobs wake at once, and whatever each did first
        // would queue on the thread pool ahead of the one job that records them all.
        await EnterAsync(onTime: source == EscalationSource.Scheduled, cancellationToken);
        try
        {
            // Recorded by the job that took the lock first at this instant (here), or by a retry, the sweep, another process.
            if (_recordedHere.ContainsKey(own.Key))
            {
                return false;
            }

            await using var db = await OpenWriterAsync(cancellationToken);
            if (await ExistsAsync(db, own, cancellationToken))
            {
                return false;
            }

            var wanted = new List<EscalationStep> { own };
            if (source == EscalationSource.Scheduled)
            {
                wanted.AddRange((await EscalationScheduler.PlannedAtAsync(db, dueAt, cancellationToken)).Where(s => s.Key != own.Key).Take(MaxBatch - 1));
            }
            var prepared = source == EscalationSource.Scheduled ? PreparedFor(dueAt) : null;
            var steps = await StillDueAsync(db, wanted, prepared, cancellationToken);
            if (!steps.Any(s => s.Key == own.Key))
            {
                logger.LogDebug("Escalation {Key} at {DueAt:O} no longer applies", own.Key, dueAt);
            }
            if (steps.Count == 0)
            {
                return false;
            }

            written = await WriteAsync(db, steps, own.Key, source, prepared, cancellationToken);
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
        Written written;
        await EnterAsync(onTime: source == EscalationSource.Scheduled, cancellationToken);
        try
        {
            if (_recordedHere.ContainsKey(step.Key))
            {
                return false;
            }

            await using var db = await OpenWriterAsync(cancellationToken);
            if (await ExistsAsync(db, step, cancellationToken))
            {
                return false;
            }

            written = await WriteAsync(db, [step], step.Key, source, null, cancellationToken);
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
    private async Task<List<EscalationStep>> StillDueAsync(AppDbContext db, List<EscalationStep> wanted, Prepared? prepared, CancellationToken cancellationToken)
    {
        var ids = wanted.Select(s => s.TicketId).Distinct().ToList();
        var done = (await db.EscalationRecords.AsNoTracking().Where(r => ids.Contains(r.TicketId))
                .Select(r => new { r.TicketId, r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken))
            .Select(r => new EscalationStep(r.TicketId, r.Clock, r.Level, r.Repeat, default, default).Key).ToHashSet();
        var open = wanted.Where(s => !done.Contains(s.Key)).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var steps = new List<EscalationStep>(open.Count);
        if (prepared is not null)
        {
            // Read ahead: still right for every ticket whose version has not moved since (no event in between).
            var openIds0 = open.Select(s => s.TicketId).Distinct().ToList();
            var versions = await db.FaultTickets.AsNoTracking().Where(t => openIds0.Contains(t.Id))
                .Select(t => new { t.Id, t.Version }).ToDictionaryAsync(t => t.Id, t => t.Version, cancellationToken);
            var unchanged = open.Where(s => prepared.Tickets.TryGetValue(s.TicketId, out var p) && versions.GetValueOrDefault(s.TicketId) == p.Version).ToList();
            steps.AddRange(unchanged.Select(s => prepared.Tickets[s.TicketId].Due.FirstOrDefault(d => d.Key == s.Key && d.DueAt == s.DueAt)).OfType<EscalationStep>());
            open = open.Except(unchanged).ToList();
            if (open.Count == 0)
            {
                return steps;
            }
        }
        var openIds = open.Select(s => s.TicketId).Distinct().ToList();
        var tickets = (await store.LoadWhereAsync(t => openIds.Contains(t.Id), cancellationToken)).ToDictionary(t => t.Id);
        foreach (var s in open)
        {
            if (!tickets.TryGetValue(s.TicketId, out var ticket) || !ticket.HasCarrierClocks)
            {
                continue;
            }

            var step = EscalationPlanner.DueAt(ticket, policies.ForVersion(ticket.PolicyVersion), s.DueAt)
                .FirstOrDefault(d => d.Key == s.Key && d.DueAt == s.DueAt);
            if (step is not null)
            {
                steps.Add(step);
            }
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
    private async Task<Written> WriteAsync(
        AppDbContext db, List<EscalationStep> steps, string ownKey, EscalationSource source, Prepared? prepared, CancellationToken cancellationToken)
    {
        var tickets = prepared is null ? [] : new Dictionary<Guid, FaultTicketRecord>(prepared.Heads);
        var missing = steps.Select(s => s.TicketId).Distinct().Where(id => !tickets.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, head) in await HeadsAsync(db, missing, cancellationToken))
            {
                tickets[id] = head;
            }
        }
        var recipients = prepared is null ? [] : new Dictionary<(RecipientGroup, int), List<string>>(prepared.Recipients);
        foreach (var key in steps.Select(s => (s.Recipients, tickets[s.TicketId].CarrierId)).Distinct().Where(k => !recipients.ContainsKey(k)))
        {
            recipients[key] = await RecipientUsersAsync(db, key.Recipients, key.CarrierId, cancellationToken);
        }
        var outbound = channels.Where(c => c.IsEnabled).ToList();

        // The instant of recording is taken under the lock, right before the insert, and never precedes a step.
        var now = time.GetUtcNow();
        foreach (var step in steps)
        {
            if (now < step.DueAt)
            {
                throw new InvalidOperationException($"Escalation {step.Key} would be recorded {(step.DueAt - now).TotalMilliseconds} ms before its instant");
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // PostgreSQL, several instances: the jobs of one instant may run on different instances, each bringing along
        // the steps planned for it (the plan is shared). Under the tickets' locks the second finds what the first
        // committed and leaves it, instead of losing a duplicate insert. SQLite: the write lock above is the whole story.
        if (await DatabaseEngine.LockForTransactionAsync(db, steps.Select(s => DatabaseEngine.Locks.EscalationRecording(s.TicketId)), cancellationToken))
        {
            var ids = steps.Select(s => s.TicketId).Distinct().ToList();
            var done = (await db.EscalationRecords.AsNoTracking().Where(r => ids.Contains(r.TicketId))
                    .Select(r => new { r.TicketId, r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken))
                .Select(r => new EscalationStep(r.TicketId, r.Clock, r.Level, r.Repeat, default, default).Key).ToHashSet();
            steps = steps.Where(s => !done.Contains(s.Key)).ToList();
            if (steps.Count == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                logger.LogDebug("Escalation {Key} was recorded by another instance", ownKey);
                return Written.None;
            }
            now = time.GetUtcNow(); // the lock may have been waited for: the records' instant is after it
        }
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
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var own = steps.SingleOrDefault(s => s.Key == ownKey);
            if (steps.Count > 1 && own is not null)
            {
                logger.LogDebug("A step due at {DueAt:O} was recorded by another run; recording {Key} on its own", own.DueAt, own.Key);
                return await WriteAsync(db, [own], ownKey, source, prepared, cancellationToken);
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
                Link = NotificationOptions.TicketPath(ticket.Number), CreatedAt = now,
            }));
            if (outbound.Count == 0)
            {
                continue;
            }

            var message = new OutboundMessage(step.TicketId, ticket.Number, OutboundMessage.EscalationKind, title, body,
                links.Value.TicketUrl(ticket.Number), now,
                step.Recipients.HasFlag(RecipientGroup.CarrierManager) && carrier.ManagerMobile.Length > 0 ? [carrier.ManagerMobile] : [],
                step.Clock.ToString(), step.Level.ToString(), step.Repeat, step.DueAt, record.LatenessMs, step.Recipients.ToString());
            var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
            deliveries.AddRange(outbound.Select(c => new NotificationDelivery
            {
                EscalationRecordId = record.Id, TicketId = step.TicketId, Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now,
            }));
        }
        db.NotificationDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        foreach (var step in steps)
        {
            _recordedHere[step.Key] = step.DueAt;
        }

        foreach (var (key, at) in _recordedHere)
        {
            if (at < now - RememberRecorded)
            {
                _recordedHere.TryRemove(key, out _);
            }
        }
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
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        }

        if (written.Users.Count > 0)
        {
            inApp.Publish(new NotificationsArrived(written.Users));
        }

        foreach (var (step, ticket) in written.Steps.Zip(written.Tickets))
        {
            recorded.Publish(new EscalationRecorded(ticket.Id, ticket.Number, ticket.CarrierId, step.Clock, step.Level, step.Repeat));
        }
    }

    /// <summary>A context on the escalation writer's own connection pool, with synchronous=NORMAL: in WAL
    /// mode a commit then survives a crash of the app but not a power cut. That is enough here, and only
    /// here, because every escalation is derived from the ticket events: one lost with the power is found
    /// due at the next start and recorded again (late). Ticket events keep SQLite's full sync. PostgreSQL keeps
    /// its own durability settings: the context is used as it comes.</summary>
    private async Task<AppDbContext> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.IsPostgreSql())
        {
            return db;
        }

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
            if (Volatile.Read(ref _onTimeWaiting) == 0)
            {
                return;
            }

            _write.Release();
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>Queues the deliveries a crash left unsent.</summary>
    public async Task<int> ResumeDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.NotificationDeliveries.Where(d => d.State == DeliveryState.Pending).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(id, CancellationToken.None));
        }

        return pending.Count;
    }

    private static Task<bool> ExistsAsync(AppDbContext db, EscalationStep step, CancellationToken cancellationToken) =>
        db.EscalationRecords.AnyAsync(r => r.TicketId == step.TicketId && r.Clock == step.Clock && r.Level == step.Level && r.Repeat == step.Repeat, cancellationToken);

    /// <summary>People notified in-app by role: the carrier's own engineers, the ops duty officers,
    /// leadership. The carrier's manager has no account; the outbound channels reach them by mobile.</summary>
    private static async Task<List<string>> RecipientUsersAsync(AppDbContext db, RecipientGroup groups, int carrierId, CancellationToken cancellationToken)
    {
        var roles = new List<string>();
        if (groups.HasFlag(RecipientGroup.OpsDutyOfficer))
        {
            roles.Add(AppRoles.Ops);
        }

        if (groups.HasFlag(RecipientGroup.Leadership))
        {
            roles.Add(AppRoles.Leader);
        }

        var engineers = groups.HasFlag(RecipientGroup.CarrierEngineers);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where roles.Contains(r.Name!) || (engineers && r.Name == AppRoles.Carrier && u.CarrierId == carrierId)
                      select u.Id).Distinct().ToListAsync(cancellationToken);
    }
}
