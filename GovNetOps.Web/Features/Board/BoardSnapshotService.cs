using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Board;

/// <summary>
/// Keeps ONE snapshot of the board for every viewer. A committed ticket change triggers one rebuild from the
/// database (open backbone tickets only, plus two GROUP BY queries for today's breaches and the month's
/// compliance), then <see cref="SnapshotChanged"/> tells the open boards, which only re-render. So N boards
/// cost one rebuild per change, and the work grows with the open tickets, not with the history.
/// </summary>
/// <remarks>
/// Changes that arrive while a rebuild runs are coalesced into one more rebuild after it, so a burst costs
/// at most two and an isolated change is pushed at once (a fixed debounce delay would only add latency).
/// Colours and countdowns tick in the browser; because the headline counts also change with time, one timer
/// here re-takes the snapshot at the next warning or deadline instant of any row and at China midnight.
/// </remarks>
public sealed class BoardSnapshotService : IDisposable
{
    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly TicketStore _store;
    private readonly SlaPolicyBook _policies;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private readonly ILogger<BoardSnapshotService> _logger;
    private readonly ITimer _thresholdTimer;
    private readonly SemaphoreSlim _firstBuild = new(1, 1);
    private volatile BoardSnapshot? _current;
    private long _version;
    private int _dirty;
    private int _running;

    public BoardSnapshotService(
        IDbContextFactory<AppDbContext> factory,
        TicketStore store,
        SlaPolicyBook policies,
        TimeProvider time,
        Notifier<TicketChanged> changes,
        ILogger<BoardSnapshotService> logger)
    {
        _factory = factory;
        _store = store;
        _policies = policies;
        _time = time;
        _logger = logger;
        _thresholdTimer = time.CreateTimer(_ => RequestRebuild(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Only lifecycle changes: the board shows nothing from escalation records, so they cost it no rebuild.
        _subscription = changes.Subscribe(OnTicketChanged);
    }

    /// <summary>Raised after each rebuild with the new snapshot, each handler on its own thread-pool work item
    /// (handlers must be quick: boards just re-render; two snapshots may reach a handler out of order, so keep
    /// the newest by <see cref="BoardSnapshot.Version"/>).</summary>
    public event Action<BoardSnapshot>? SnapshotChanged;

    /// <summary>The current snapshot, built on first use.</summary>
    public async Task<BoardSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _firstBuild.WaitAsync(cancellationToken);
        try
        {
            if (_current is null)
            {
                await RebuildOnceAsync(cancellationToken);
            }

            return _current!;
        }
        finally
        {
            _firstBuild.Release();
        }
    }

    /// <summary>Schedules a rebuild; returns at once so the operator's request never waits for the boards.</summary>
    public void RequestRebuild()
    {
        Interlocked.Exchange(ref _dirty, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = Task.Run(RebuildLoopAsync);
        }
    }

    private Task OnTicketChanged(TicketChanged change)
    {
        RequestRebuild();
        return Task.CompletedTask;
    }

    private async Task RebuildLoopAsync()
    {
        while (true)
        {
            while (Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                try
                {
                    await RebuildOnceAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    // The next change or threshold tries again; the boards keep the last good snapshot.
                    _logger.LogError(ex, "Board snapshot rebuild failed");
                }
            }
            Volatile.Write(ref _running, 0);
            // A change that slipped in between the last check and the release starts the loop again.
            if (Volatile.Read(ref _dirty) == 0 || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RebuildOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = await BuildAsync(_time.GetUtcNow(), cancellationToken);
        _current = snapshot;
        var next = BoardRules.NextThreshold(snapshot.Rows, snapshot.TakenAt) - _time.GetUtcNow();
        _thresholdTimer.Change(next < TimeSpan.Zero ? TimeSpan.Zero : next, Timeout.InfiniteTimeSpan);
        Publish(snapshot);
    }

    // An open board's handler re-renders it on the spot when its circuit is idle, so one thread calling every handler
    // would render the boards one after another, the last after all the others, and a thread preempted halfway
    // holds up the rest. One work item per board spreads them over every core.
    private void Publish(BoardSnapshot snapshot)
    {
        if (SnapshotChanged is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Service.Deliver(s.Handler, s.Snapshot),
                (Service: this, Handler: (Action<BoardSnapshot>)handler, Snapshot: snapshot), preferLocal: false);
        }
    }

    private void Deliver(Action<BoardSnapshot> handler, BoardSnapshot snapshot)
    {
        try
        {
            handler(snapshot);
        }
        catch (Exception ex)
        {
            // One broken board must not take the process (an unhandled exception on the pool would) or the others down.
            _logger.LogError(ex, "A board failed to take snapshot {Version}", snapshot.Version);
        }
    }

    private async Task<BoardSnapshot> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var heads = await db.FaultTickets.AsNoTracking().Where(TicketFilters.OpenWithClocks)
            .Select(t => new { t.Id, t.Number, Site = t.Site!.Name, Carrier = t.Carrier!.ShortName })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var tickets = await _store.LoadWhereAsync(TicketFilters.OpenWithClocks, cancellationToken);

        var rows = new List<BoardRow>(heads.Count);
        foreach (var ticket in tickets)
        {
            if (!heads.TryGetValue(ticket.Id, out var head))
            {
                continue;
            }

            if (BoardRules.RowFor(ticket, head.Number, head.Site, head.Carrier, _policies, now) is { } row)
            {
                rows.Add(row);
            }
        }

        var today = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now));
        var breachedToday = await db.FaultTickets.AsNoTracking().Where(TicketFilters.HasCarrierClocks)
            .Where(TicketFilters.BreachedBetween(ClockKind.Response, today, now).Or(TicketFilters.BreachedBetween(ClockKind.Repair, today, now)))
            .CountAsync(cancellationToken);

        var date = ChinaTime.DateOf(now);
        var monthStart = ChinaTime.StartOfDayUtc(new DateOnly(date.Year, date.Month, 1));
        var month = db.FaultTickets.AsNoTracking().Where(TicketFilters.HasCarrierClocks).Where(t => t.ReportedAt >= monthStart)
            .Select(TicketFilters.Verdicts(now));
        var carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ShortName }).ToListAsync(cancellationToken);
        var byCarrier = await Tally(month.GroupBy(v => v.CarrierId), cancellationToken);
        var byClass = await Tally(month.GroupBy(v => (int)v.LocationClass), cancellationToken);

        return new BoardSnapshot(
            Interlocked.Increment(ref _version), now, rows, breachedToday,
            carriers.Select(c => Group(byCarrier, c.Id) with { Label = c.ShortName }).ToList(),
            Enum.GetValues<LocationClass>().Select(c => Group(byClass, (int)c) with { Class = c }).ToList());
    }

    private static ComplianceGroup Group(Dictionary<int, ComplianceGroup> tallies, int key) =>
        tallies.TryGetValue(key, out var t) ? t : new ComplianceGroup("", null, 0, 0, 0, 0);

    /// <summary>Met and decided clocks per group in one SQL GROUP BY, by the one set of verdicts
    /// (<see cref="TicketFilters.Verdicts"/>): a clock is decided once it was met or breached; a clock still running
    /// before its deadline, suspended, or cancelled in time has no verdict yet and is not counted.</summary>
    private static async Task<Dictionary<int, ComplianceGroup>> Tally(
        IQueryable<IGrouping<int, TicketVerdicts>> groups, CancellationToken cancellationToken)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            ResponseMet = g.Count(v => v.ResponseMet),
            ResponseBreached = g.Count(v => v.ResponseBreached),
            RepairMet = g.Count(v => v.RepairMet),
            RepairBreached = g.Count(v => v.RepairBreached),
        }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => new ComplianceGroup(
            "", null, r.ResponseMet, r.ResponseMet + r.ResponseBreached, r.RepairMet, r.RepairMet + r.RepairBreached));
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _thresholdTimer.Dispose();
        _firstBuild.Dispose();
    }
}
