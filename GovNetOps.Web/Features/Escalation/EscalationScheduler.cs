using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Keeps one Hangfire job per escalation step still ahead of each open ticket, re-planned
/// whenever the ticket changes: new steps are scheduled, moved steps re-scheduled, steps that no
/// longer apply deleted. Steps already due and never recorded are queued at once (catch-up).
/// The rule itself — which steps, when — is the Domain's <see cref="EscalationPlanner"/>.
/// The plan lives in the database (<see cref="EscalationPlanStepRecord"/>, one row per step and its job), so that every
/// instance on a shared PostgreSQL database plans a ticket against the same rows: a ticket planned on one instance and
/// changed on another keeps one job per step, and the first instance's stale jobs are deleted.</summary>
public sealed class EscalationScheduler(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook policies,
    IOptions<EscalationTiming> timing,
    IOptions<DatabaseOptions> database,
    IBackgroundJobClient jobs,
    JobStorage storage,
    TimeProvider time,
    ILogger<EscalationScheduler> logger)
{
    /// <summary>Only the next re-notification of a clock is scheduled; recording it plans the one after.</summary>
    public const int RenotifyAhead = 1;

    // One planner per ticket inside the process: on SQLite (one process) the whole story, on PostgreSQL it spares the
    // database lock waits between this instance's own planners. Static like TicketStore's SQLite lock: two apps over one
    // file in one process (as the tests run them) take turns too. Striped, so it does not grow with every ticket seen.
    private static readonly SemaphoreSlim[] Gates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>A scheduled step and its Hangfire job.</summary>
    public sealed record PlannedStep(EscalationStep Step, string JobId);

    /// <summary>Hangfire's storage outlives the process on PostgreSQL (Hangfire.PostgreSql), so stored plan rows name
    /// jobs that still exist; on SQLite it is in memory and starts empty (AddJobs).</summary>
    private bool JobsPersist => database.Value.IsPostgreSql;

    /// <summary>The steps currently scheduled for a ticket, by instant.</summary>
    public async Task<IReadOnlyList<PlannedStep>> PendingAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.EscalationPlanSteps.AsNoTracking().Where(s => s.TicketId == ticketId).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DueAt).ThenBy(r => r.Clock).ThenBy(r => r.Level).ThenBy(r => r.Repeat)
            .Select(r => new PlannedStep(r.ToStep(), r.JobId)).ToList();
    }

    /// <summary>Every ticket's steps scheduled for exactly <paramref name="dueAt"/> (one outage, many sites: their
    /// steps fall due together and are recorded together), whichever instance planned them.</summary>
    public async Task<IReadOnlyList<EscalationStep>> PlannedAtAsync(DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await PlannedAtAsync(db, dueAt, cancellationToken);
    }

    /// <summary><see cref="PlannedAtAsync(DateTimeOffset, CancellationToken)"/> on the caller's context (the escalation
    /// writer's, which is open already when a burst falls due). One indexed read.</summary>
    public static async Task<IReadOnlyList<EscalationStep>> PlannedAtAsync(AppDbContext db, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.EscalationPlanSteps.AsNoTracking().Where(s => s.DueAt == dueAt).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToStep()).ToList();
    }

    /// <summary>The ticket version the plan was last brought in line with (0 when never planned): re-planning
    /// follows a change on the thread pool, after the writer has returned.</summary>
    public async Task<int> PlannedVersionAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.EscalationPlans.AsNoTracking().Where(p => p.TicketId == ticketId).Select(p => p.PlannedVersion)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Re-plans after a committed lifecycle change (report, acknowledge, complex approval, suspension,
    /// repaired, reopen, cancel, …); the plan is taken from the ticket as stored, so the order in which changes
    /// arrive does not matter, nor the instance that planned before.</summary>
    public Task OnTicketChangedAsync(TicketChanged change) => PlanAsync(change.TicketId);

    /// <summary>Brings the ticket's jobs in line with its steps at the current instant.</summary>
    public Task PlanAsync(Guid ticketId, CancellationToken cancellationToken = default) =>
        PlanAsync(ticketId, completed: null, liveJobs: null, cancellationToken);

    /// <summary>Called by a step's job when it has run: the step leaves the plan, and the ticket is re-planned in the
    /// same transaction (recording a re-notification makes the next one the step ahead).</summary>
    public Task CompletedAsync(EscalationStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return PlanAsync(step.TicketId, step, liveJobs: null, cancellationToken);
    }

    /// <summary>Reads and rewrites one ticket's plan. On PostgreSQL inside one transaction that holds the ticket's
    /// advisory lock from reading the stored steps to the commit, so instances planning the same ticket take turns and
    /// each diffs against what the other wrote; on SQLite the process's own per-ticket gate is enough. With
    /// <paramref name="liveJobs"/> (the start-up rebuild on PostgreSQL), a stored step whose job is gone from Hangfire's
    /// storage is scheduled again.</summary>
    private async Task PlanAsync(Guid ticketId, EscalationStep? completed, LiveJobs? liveJobs, CancellationToken cancellationToken)
    {
        var scheduled = new List<string>();
        try
        {
            await PlanOnceAsync(ticketId, completed, liveJobs, scheduled, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            // Cannot happen while every planner takes the ticket's lock; should a step's row be written meanwhile all
            // the same, this attempt's jobs go and the ticket is planned again against what is stored now.
            logger.LogDebug("Escalation plan of ticket {Ticket} was written meanwhile; planning it again", ticketId);
            foreach (var jobId in scheduled)
            {
                jobs.Delete(jobId);
            }
            await PlanOnceAsync(ticketId, completed, liveJobs, [], cancellationToken);
        }
    }

    private async Task PlanOnceAsync(
        Guid ticketId, EscalationStep? completed, LiveJobs? liveJobs, List<string> scheduled, CancellationToken cancellationToken)
    {
        var gate = Gates[(int)((uint)ticketId.GetHashCode() % (uint)Gates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            // One context, one connection for the whole planning (the ticket and its records are read on it too).
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var tx = db.IsPostgreSql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.EscalationPlan(ticketId), cancellationToken);
            var stored = await db.EscalationPlanSteps.Where(s => s.TicketId == ticketId).ToListAsync(cancellationToken);
            var head = await db.EscalationPlans.FirstOrDefaultAsync(p => p.TicketId == ticketId, cancellationToken);
            var ticket = await TicketStore.LoadAsync(db, ticketId, cancellationToken);
            if (ticket is null)
            {
                return; // gone: its plan rows went with it (cascade)
            }

            var now = time.GetUtcNow();
            IReadOnlyList<EscalationStep> ahead = [], due = [];
            if (ticket.HasCarrierClocks)
            {
                var sla = policies.ForVersion(ticket.PolicyVersion);
                // The ladder of the ticket's own version: a later version's ladder never moves its steps.
                ahead = EscalationPlanner.StepsAhead(ticket, sla, now, RenotifyAhead);
                due = EscalationPlanner.DueAt(ticket, sla, now);
            }

            if (completed is not null && stored.FirstOrDefault(r => r.ToStep().Key == completed.Key && r.DueAt == completed.DueAt) is { } done)
            {
                db.EscalationPlanSteps.Remove(done);
                stored.Remove(done);
            }
            var current = stored.ToDictionary(r => r.ToStep().Key);

            // Due and never recorded: a back-dated report, or steps that fell due while no instance was up.
            var recorded = due.Count > 0 ? await RecordedKeysAsync(db, ticketId, cancellationToken) : [];
            var dueOpen = due.Where(s => !recorded.Contains(s.Key)).ToList();
            foreach (var step in dueOpen.Where(s => !(current.TryGetValue(s.Key, out var r) && r.DueAt == s.DueAt)))
            {
                jobs.Enqueue<EscalationJob>(JobQueues.Default, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                    EscalationSource.CatchUp, CancellationToken.None));
                logger.LogInformation("Escalation {Key} was due at {DueAt:O}: queued for catch-up", step.Key, step.DueAt);
            }

            var wanted = ahead.ToDictionary(s => s.Key);
            foreach (var (key, row) in current)
            {
                wanted.TryGetValue(key, out var step);
                if (step is not null && step.DueAt == row.DueAt)
                {
                    if (liveJobs is not null && !liveJobs.Contains(row.JobId))
                    {
                        logger.LogInformation("Escalation {Key} at {DueAt:O}: its job {Job} is gone from the job storage; scheduled again", key, row.DueAt, row.JobId);
                        row.JobId = Schedule(step, now, scheduled);
                    }
                    continue;
                }

                if (row.DueAt <= now)
                {
                    // Its instant has come: the job is running (or has run) and re-checks for itself, so it is never
                    // deleted mid-run. Once recorded (or moot) it just leaves the plan; a step moved ahead gets a new job.
                    if (step is not null)
                    {
                        Move(row, step, Schedule(step, now, scheduled));
                    }
                    else if (!dueOpen.Any(s => s.Key == key && s.DueAt == row.DueAt))
                    {
                        db.EscalationPlanSteps.Remove(row);
                    }
                    continue;
                }

                // Deleting is tidiness: a job that runs anyway re-checks the ticket and does nothing. Should the commit
                // below fail, the row still names the deleted job, and the next planning (the sweep's at the latest)
                // removes or moves it again, so nothing waits on it.
                jobs.Delete(row.JobId);
                logger.LogDebug("Escalation {Key} at {DueAt:O} cancelled (job {Job})", key, row.DueAt, row.JobId);
                if (step is not null)
                {
                    Move(row, step, Schedule(step, now, scheduled));
                }
                else
                {
                    db.EscalationPlanSteps.Remove(row);
                }
            }
            foreach (var step in ahead.Where(s => !current.ContainsKey(s.Key)))
            {
                db.EscalationPlanSteps.Add(new EscalationPlanStepRecord
                {
                    TicketId = step.TicketId, Clock = step.Clock, Level = step.Level, Repeat = step.Repeat, DueAt = step.DueAt,
                    Recipients = step.Recipients, JobId = Schedule(step, now, scheduled),
                });
            }

            if (head is null)
            {
                db.EscalationPlans.Add(new EscalationPlanRecord { TicketId = ticketId, PlannedVersion = ticket.Version });
            }
            else if (head.PlannedVersion < ticket.Version)
            {
                head.PlannedVersion = ticket.Version;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (tx is not null)
            {
                await tx.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static void Move(EscalationPlanStepRecord row, EscalationStep step, string jobId)
    {
        row.DueAt = step.DueAt;
        row.Recipients = step.Recipients;
        row.JobId = jobId;
    }

    /// <summary>The jobs still to run — scheduled, queued or running (a retry is scheduled again); deleted, failed,
    /// succeeded or unknown (expired) means nothing will carry the step out. Read in bulk once for the rebuild (the
    /// scheduled and running lists), and job by job for any id not in those lists (queued, or newer than the read).</summary>
    private sealed class LiveJobs(JobStorage storage) : IDisposable
    {
        private static readonly HashSet<string> LiveStates =
            new([ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, AwaitingState.StateName], StringComparer.OrdinalIgnoreCase);

        private readonly IStorageConnection _connection = storage.GetConnection();
        private readonly HashSet<string> _listed = List(storage.GetMonitoringApi());

        private static HashSet<string> List(IMonitoringApi monitor)
        {
            var ids = monitor.ScheduledJobs(0, (int)Math.Min(int.MaxValue, monitor.ScheduledCount())).Select(j => j.Key).ToHashSet();
            ids.UnionWith(monitor.ProcessingJobs(0, (int)Math.Min(int.MaxValue, monitor.ProcessingCount())).Select(j => j.Key));
            return ids;
        }

        public bool Contains(string jobId) =>
            _listed.Contains(jobId) || (_connection.GetStateData(jobId)?.Name is { } state && LiveStates.Contains(state));

        public void Dispose() => _connection.Dispose();
    }

    /// <summary>Start-up, before this instance plans anything (SQLite: one process, Hangfire in memory): the stored plan
    /// names jobs of a storage that is gone, so it is cleared and <see cref="RebuildAsync"/> plans afresh. On PostgreSQL
    /// the jobs outlive the instances and the rows stay.</summary>
    public async Task<int> ForgetStaleJobsAsync(CancellationToken cancellationToken = default)
    {
        if (JobsPersist)
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.EscalationPlanSteps.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Start-up (the leading instance): the plan of every open ticket is brought in line with the database
    /// (catching up steps that fell due meanwhile). On SQLite the stored steps were cleared and every job is scheduled
    /// afresh; on PostgreSQL each ticket is diffed against its stored steps, whose jobs survived in Hangfire's storage,
    /// and a step whose job is gone from there is scheduled again.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var ids = await OpenTicketIdsAsync(cancellationToken);
        using var live = JobsPersist ? new LiveJobs(storage) : null;
        foreach (var id in ids)
        {
            await PlanAsync(id, completed: null, live, cancellationToken);
        }

        return ids.Count;
    }

    public async Task<List<Guid>> OpenTicketIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.FaultTickets.AsNoTracking()
            .Where(TicketFilters.OpenWithClocks)
            .OrderBy(t => t.ReportedAt).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<HashSet<string>> RecordedKeysAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await RecordedKeysAsync(db, ticketId, cancellationToken);
    }

    private static async Task<HashSet<string>> RecordedKeysAsync(AppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        var rows = await db.EscalationRecords.AsNoTracking().Where(r => r.TicketId == ticketId)
            .Select(r => new { r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken);
        return rows.Select(r => new EscalationStep(ticketId, r.Clock, r.Level, r.Repeat, default, default).Key).ToHashSet();
    }

    private string Schedule(EscalationStep step, DateTimeOffset now, List<string> scheduled)
    {
        // Started ahead of the instant (Hangfire's schedule is coarse), the job waits for the instant itself.
        var startIn = step.DueAt - timing.Value.ScheduleLead - now;
        var jobId = startIn <= TimeSpan.Zero
            ? jobs.Enqueue<EscalationJob>(JobQueues.OnTime, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                EscalationSource.Scheduled, CancellationToken.None))
            : jobs.Schedule<EscalationJob>(JobQueues.OnTime, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                EscalationSource.Scheduled, CancellationToken.None), startIn);
        logger.LogDebug("Escalation {Key} at {DueAt:O} scheduled as job {Job}", step.Key, step.DueAt, jobId);
        scheduled.Add(jobId);
        return jobId;
    }
}
