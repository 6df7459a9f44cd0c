using System.Collections.Concurrent;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Keeps one Hangfire job per escalation step still ahead of each open ticket, re-planned
/// whenever the ticket changes: new steps are scheduled, moved steps re-scheduled, steps that no
/// longer apply deleted. Steps already due and never recorded are queued at once (catch-up).
/// The rule itself — which steps, when — is the Domain's <see cref="EscalationPlanner"/>.</summary>
public sealed class EscalationScheduler(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    IOptions<EscalationTiming> timing,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<EscalationScheduler> logger)
{
    /// <summary>Only the next re-notification of a clock is scheduled; recording it plans the one after.</summary>
    public const int RenotifyAhead = 1;

    private readonly ConcurrentDictionary<Guid, TicketPlan> _plans = new();

    /// <summary>A scheduled step and its Hangfire job.</summary>
    public sealed record PlannedStep(EscalationStep Step, string JobId);

    private sealed class TicketPlan
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public Dictionary<string, PlannedStep> Steps { get; } = [];

        /// <summary>The ticket version the steps were last planned for.</summary>
        public int VersionField;
    }

    /// <summary>The steps currently scheduled for a ticket, by instant.</summary>
    public IReadOnlyList<PlannedStep> Pending(Guid ticketId)
    {
        if (!_plans.TryGetValue(ticketId, out var plan))
        {
            return [];
        }

        lock (plan.Steps)
        {
            return plan.Steps.Values.OrderBy(p => p.Step.DueAt).ToList();
        }
    }

    /// <summary>Every ticket's steps scheduled for exactly <paramref name="dueAt"/> (one outage, many sites: their
    /// steps fall due together and are recorded together).</summary>
    public IReadOnlyList<EscalationStep> PlannedAt(DateTimeOffset dueAt)
    {
        var steps = new List<EscalationStep>();
        foreach (var plan in _plans.Values)
        {
            lock (plan.Steps)
            {
                foreach (var p in plan.Steps.Values)
                {
                    if (p.Step.DueAt == dueAt)
                    {
                        steps.Add(p.Step);
                    }
                }
            }
        }
        return steps;
    }

    /// <summary>The ticket version the plan was last brought in line with (0 when never planned): re-planning
    /// follows a change on the thread pool, after the writer has returned.</summary>
    public int PlannedVersion(Guid ticketId) => _plans.TryGetValue(ticketId, out var plan) ? Volatile.Read(ref plan.VersionField) : 0;

    /// <summary>Re-plans after a committed lifecycle change (report, acknowledge, complex approval, suspension,
    /// repaired, reopen, cancel, …); the plan is taken from the ticket as stored, so the order in which changes
    /// arrive does not matter.</summary>
    public Task OnTicketChangedAsync(TicketChanged change) => PlanAsync(change.TicketId);

    /// <summary>Brings the ticket's jobs in line with its steps at the current instant.</summary>
    public async Task PlanAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        var plan = _plans.GetOrAdd(ticketId, _ => new TicketPlan());
        await plan.Lock.WaitAsync(cancellationToken);
        try
        {
            var ticket = await store.LoadAsync(ticketId, cancellationToken);
            var now = time.GetUtcNow();
            IReadOnlyList<EscalationStep> ahead = [], due = [];
            if (ticket is { HasCarrierClocks: true })
            {
                var sla = policies.ForVersion(ticket.PolicyVersion);
                // The ladder of the ticket's own version: a later version's ladder never moves its steps.
                ahead = EscalationPlanner.StepsAhead(ticket, sla, now, RenotifyAhead);
                due = EscalationPlanner.DueAt(ticket, sla, now);
            }

            Dictionary<string, PlannedStep> current;
            lock (plan.Steps)
            {
                current = new(plan.Steps);
            }

            // Due and never recorded: a back-dated report, or steps that fell due while the app was down.
            var recorded = due.Count > 0 ? await RecordedKeysAsync(ticketId, cancellationToken) : [];
            var dueOpen = due.Where(s => !recorded.Contains(s.Key)).ToList();
            foreach (var step in dueOpen.Where(s => !(current.TryGetValue(s.Key, out var p) && p.Step.DueAt == s.DueAt)))
            {
                jobs.Enqueue<EscalationJob>(JobQueues.Default, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                    EscalationSource.CatchUp, CancellationToken.None));
                logger.LogInformation("Escalation {Key} was due at {DueAt:O}: queued for catch-up", step.Key, step.DueAt);
            }

            var wanted = ahead.ToDictionary(s => s.Key);
            foreach (var (key, old) in current)
            {
                if (wanted.TryGetValue(key, out var step) && step.DueAt == old.Step.DueAt)
                {
                    continue;
                }

                if (old.Step.DueAt <= now)
                {
                    // Its instant has come: the job is running (or has run) and re-checks for itself, so it is
                    // never deleted mid-run; once recorded (or moot) it just leaves the plan.
                    if (!dueOpen.Any(s => s.Key == key && s.DueAt == old.Step.DueAt))
                    {
                        lock (plan.Steps)
                        {
                            plan.Steps.Remove(key);
                        }
                    }

                    continue;
                }
                // Deleting is tidiness: a job that runs anyway re-checks the ticket and does nothing.
                jobs.Delete(old.JobId);
                lock (plan.Steps)
                {
                    plan.Steps.Remove(key);
                }

                logger.LogDebug("Escalation {Key} at {DueAt:O} cancelled (job {Job})", key, old.Step.DueAt, old.JobId);
            }
            foreach (var step in ahead)
            {
                if (current.TryGetValue(step.Key, out var old) && old.Step.DueAt == step.DueAt)
                {
                    continue;
                }

                var jobId = Schedule(step, now);
                lock (plan.Steps)
                {
                    plan.Steps[step.Key] = new PlannedStep(step, jobId);
                }
            }
            Volatile.Write(ref plan.VersionField, Math.Max(plan.VersionField, ticket?.Version ?? 0));
        }
        finally
        {
            plan.Lock.Release();
        }
    }

    /// <summary>Called by a step's job when it has run; the step leaves the plan.</summary>
    public void Completed(Guid ticketId, string key, DateTimeOffset dueAt)
    {
        if (!_plans.TryGetValue(ticketId, out var plan))
        {
            return;
        }

        lock (plan.Steps)
        {
            if (plan.Steps.TryGetValue(key, out var p) && p.Step.DueAt == dueAt)
            {
                plan.Steps.Remove(key);
            }
        }
    }

    /// <summary>Start-up: Hangfire's in-memory storage forgot every job, so the plan of every open
    /// ticket is rebuilt from the database (catching up steps that fell due meanwhile).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var ids = await OpenTicketIdsAsync(cancellationToken);
        foreach (var id in ids)
        {
            await PlanAsync(id, cancellationToken);
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
        var rows = await db.EscalationRecords.AsNoTracking().Where(r => r.TicketId == ticketId)
            .Select(r => new { r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken);
        return rows.Select(r => new EscalationStep(ticketId, r.Clock, r.Level, r.Repeat, default, default).Key).ToHashSet();
    }

    private string Schedule(EscalationStep step, DateTimeOffset now)
    {
        // Started ahead of the instant (Hangfire's schedule is coarse), the job waits for the instant itself.
        var startIn = step.DueAt - timing.Value.ScheduleLead - now;
        var jobId = startIn <= TimeSpan.Zero
            ? jobs.Enqueue<EscalationJob>(JobQueues.OnTime, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                EscalationSource.Scheduled, CancellationToken.None))
            : jobs.Schedule<EscalationJob>(JobQueues.OnTime, j => j.RunAsync(step.TicketId, step.Clock, step.Level, step.Repeat, step.DueAt.UtcTicks,
                EscalationSource.Scheduled, CancellationToken.None), startIn);
        logger.LogDebug("Escalation {Key} at {DueAt:O} scheduled as job {Job}", step.Key, step.DueAt, jobId);
        return jobId;
    }
}
