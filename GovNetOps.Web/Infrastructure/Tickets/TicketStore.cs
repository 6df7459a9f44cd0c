using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using GovNetOps.Web.Infrastructure.Sla;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>The event store of fault tickets and the only reader and writer of the events table: loads tickets
/// from their events and appends new ones, hash-chained and keyed (<see cref="EventChain"/>), rewriting the ticket's
/// projection (<see cref="TicketProjection"/>) in the same transaction. Appends are serialised (the chain
/// links every event to the one before) and guarded by the ticket's version, so a stale writer gets a
/// conflict and nothing is overwritten. Serialised twice: a process-wide lock (SQLite has one writer, and waiting
/// here is cheaper than its busy retries; on PostgreSQL it keeps one connection per instance waiting), then, on
/// PostgreSQL, an advisory transaction lock shared by every instance, held from reading the chain's last hash and
/// the day's last number to the commit. One chain for the whole database stays linear (ids are taken under the
/// lock, so id order is chain order) and max+1 numbering never collides; the unique indexes remain the backstop.
/// One lock rather than a chain per county: the audit walks one chain, and a province's 5,000 tickets a day are
/// a few appends a second, far below what one lock serves.</summary>
public sealed class TicketStore(IDbContextFactory<AppDbContext> factory, TicketProjection projection, SlaPolicyBook policies, ChainKeys keys)
{
    public static string ConflictMessage => Resources.TicketText.Conflict;

    // SQLite: one lock for the process (two apps over one file in one process, as the tests run them, share it).
    // PostgreSQL: one per app instance; the instances (and two apps in one process) meet at the advisory lock.
    private static readonly SemaphoreSlim WriteLock = new(1, 1);
    private readonly SemaphoreSlim _instanceWriteLock = new(1, 1);

    public async Task<FaultTicket?> LoadAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, ticketId, cancellationToken);
    }

    /// <summary>The ticket rebuilt from its events, read on the caller's context (inside its transaction, on its one
    /// connection).</summary>
    public static async Task<FaultTicket?> LoadAsync(AppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : FaultTicket.Rehydrate(rows.Select(EventChain.ToDomain));
    }

    /// <summary>The tickets whose projection rows <paramref name="filter"/> selects, rebuilt from their events in
    /// one query (the board's open faults).</summary>
    public async Task<IReadOnlyList<FaultTicket>> LoadWhereAsync(
        System.Linq.Expressions.Expression<Func<FaultTicketRecord, bool>> filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = db.FaultTickets.AsNoTracking().Where(filter).Select(t => t.Id);
        var events = await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId))
            .OrderBy(e => e.TicketId).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        return events.GroupBy(e => e.TicketId).Select(history => FaultTicket.Rehydrate(history.Select(EventChain.ToDomain))).ToList();
    }

    /// <summary>Walks the whole chain (the audit page): every edited, inserted or deleted event.</summary>
    public async Task<ChainReport> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await EventChain.VerifyAsync(db, keys, cancellationToken);
    }

    /// <summary>Persists the events the ticket gained since <paramref name="versionBefore"/> and
    /// rewrites its projection; returns the ticket number, or the conflict message.</summary>
    public async Task<Result<string>> SaveAsync(FaultTicket ticket, int versionBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var gate = db.IsPostgreSql() ? _instanceWriteLock : WriteLock;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.TicketWrites, cancellationToken);
            FaultTicketRecord? record;
            if (versionBefore == 0)
            {
                record = new FaultTicketRecord { Id = ticket.Id, Number = await NextNumberAsync(db, ticket.LoggedAt, cancellationToken) };
                db.FaultTickets.Add(record);
                // The first ticket of a version keeps its cells, in the ticket's own transaction: from then on
                // start-up refuses a configuration that edits them.
                await SlaPolicyFingerprints.RecordIfMissingAsync(db, policies.ForVersion(ticket.PolicyVersion), now, cancellationToken);
            }
            else
            {
                record = await db.FaultTickets.SingleOrDefaultAsync(t => t.Id == ticket.Id, cancellationToken);
                if (record is null || record.Version != versionBefore)
                {
                    return Result<string>.Fail(ConflictMessage);
                }
            }
            projection.Write(ticket, record, now);

            await EventChain.AppendAsync(db, keys, ticket.Events.Skip(versionBefore).Select(EventChain.ToRecord).ToList(), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return Result<string>.Ok(record.Number);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<string>.Fail(ConflictMessage);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            // UNIQUE(TicketId, Sequence): another process appended the same sequence first.
            return Result<string>.Fail(ConflictMessage);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Persists the new tickets of one incident (one outage, many sites) in one transaction: all of them or
    /// none. Each gets its own number and the incident's number, SJ-yyyyMMdd-nn; returns the incident number and
    /// the ticket numbers in the order given.</summary>
    public async Task<Result<(string Incident, IReadOnlyList<string> Numbers)>> SaveIncidentAsync(
        IReadOnlyList<FaultTicket> tickets, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (tickets.Count == 0 || tickets.Any(t => t.Version != 1 || t.IncidentId is null || t.IncidentId != tickets[0].IncidentId))
        {
            throw new ArgumentException("An incident is one or more newly reported tickets with the same incident id.", nameof(tickets));
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var gate = db.IsPostgreSql() ? _instanceWriteLock : WriteLock;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.TicketWrites, cancellationToken);
            var loggedAt = tickets[0].LoggedAt;
            var incident = await NextIncidentNumberAsync(db, loggedAt, cancellationToken);
            var number = await NextNumberAsync(db, loggedAt, cancellationToken);
            var numbers = new List<string>(tickets.Count);
            var rows = new List<TicketEventRecord>();
            foreach (var ticket in tickets)
            {
                var record = new FaultTicketRecord { Id = ticket.Id, Number = number, IncidentNumber = incident };
                db.FaultTickets.Add(record);
                projection.Write(ticket, record, now);
                numbers.Add(number);
                number = Following(number);
                rows.AddRange(ticket.Events.Select(EventChain.ToRecord));
            }
            foreach (var version in tickets.Select(t => t.PolicyVersion).Distinct())
            {
                await SlaPolicyFingerprints.RecordIfMissingAsync(db, policies.ForVersion(version), now, cancellationToken);
            }
            await EventChain.AppendAsync(db, keys, rows, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return Result<(string, IReadOnlyList<string>)>.Ok((incident, numbers));
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            return Result<(string, IReadOnlyList<string>)>.Fail(ConflictMessage);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Rewrites, from their events, the projection rows an older layout wrote (start-up). Returns how many.</summary>
    public async Task<int> RefreshStaleProjectionsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var refreshed = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await db.FaultTickets.Where(t => t.ProjectionVersion != TicketProjection.CurrentVersion)
                .OrderBy(t => t.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return refreshed;
            }
            var ids = batch.Select(t => t.Id).ToList();
            var events = await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId))
                .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var histories = events.GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g.Select(EventChain.ToDomain).ToList());
            foreach (var record in batch)
            {
                if (!histories.TryGetValue(record.Id, out var history))
                {
                    // A row without events is a damaged log (the audit page reports it); mark it so start-up moves on.
                    record.ProjectionVersion = TicketProjection.CurrentVersion;
                    continue;
                }
                projection.Write(FaultTicket.Rehydrate(history), record, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            refreshed += batch.Count;
        }
    }

    private static string Following(string number)
    {
        var dash = number.LastIndexOf('-');
        var next = int.Parse(number[(dash + 1)..], CultureInfo.InvariantCulture) + 1;
        return number[..(dash + 1)] + next.ToString("0000", CultureInfo.InvariantCulture);
    }

    private static async Task<string> NextIncidentNumberAsync(AppDbContext db, DateTimeOffset loggedAt, CancellationToken cancellationToken)
    {
        var prefix = $"SJ-{ChinaTime.DateOf(loggedAt):yyyyMMdd}-";
        // A day's incidents are few; parsed, so that a 100th (three digits) still counts after the 99th.
        var today = await db.FaultTickets.Where(t => t.IncidentNumber != null && t.IncidentNumber.StartsWith(prefix))
            .Select(t => t.IncidentNumber!).Distinct().ToListAsync(cancellationToken);
        var next = today.Count == 0 ? 1 : today.Max(n => int.Parse(n[prefix.Length..], CultureInfo.InvariantCulture)) + 1;
        return prefix + next.ToString("00", CultureInfo.InvariantCulture);
    }

    private static async Task<string> NextNumberAsync(AppDbContext db, DateTimeOffset loggedAt, CancellationToken cancellationToken)
    {
        var prefix = $"GZ-{ChinaTime.DateOf(loggedAt):yyyyMMdd}-";
        var last = await db.FaultTickets.Where(t => t.Number.StartsWith(prefix))
            .OrderByDescending(t => t.Number).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("0000", CultureInfo.InvariantCulture);
    }
}
