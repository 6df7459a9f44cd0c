using System.Collections.Concurrent;
using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Applications.Reminders;

/// <summary>The escalation scheduler's way for application clocks: one Hangfire job per notice still ahead, on the
/// on-time queue, started <see cref="EscalationTiming.ScheduleLead"/> early; re-planned after every committed change
/// (a pause deletes the jobs, a resume plans the moved deadline); notices already due and never recorded are queued
/// at once (catch-up after a restart). Which notices, and when, is the Domain's <see cref="ApplicationProgress.ReminderSteps"/>.</summary>
public sealed class ApplicationReminderScheduler(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    IServiceProvider services,
    IOptions<EscalationTiming> timing,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<ApplicationReminderScheduler> logger)
{
    private readonly ConcurrentDictionary<Guid, Plan> _plans = new();

    private sealed class Plan
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public Dictionary<ReminderStep, string> Jobs { get; } = [];
    }

    /// <summary>A scheduled notice and its Hangfire job.</summary>
    public sealed record PlannedNotice(ReminderStep Step, string JobId);

    /// <summary>The notices currently scheduled for an application, by instant.</summary>
    public IReadOnlyList<PlannedNotice> Pending(Guid applicationId)
    {
        if (!_plans.TryGetValue(applicationId, out var plan))
        {
            return [];
        }

        lock (plan.Jobs)
        {
            return plan.Jobs.Select(j => new PlannedNotice(j.Key, j.Value)).OrderBy(p => p.Step.DueAt).ToList();
        }
    }

    public Task OnChangedAsync(ApplicationChanged change) => PlanAsync(change.ApplicationId);

    /// <summary>Brings the application's jobs in line with its notices at the current instant.</summary>
    public async Task PlanAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var plan = _plans.GetOrAdd(applicationId, _ => new Plan());
        await plan.Lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var app = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
            var calendar = calendars.Current;
            var steps = app?.ToProgress().ReminderSteps(calendar) ?? [];
            var now = time.GetUtcNow();
            var recorder = services.GetRequiredService<ApplicationReminderRecorder>();
            var recorded = steps.Count > 0 ? await recorder.RecordedAsync(applicationId, cancellationToken) : [];
            Dictionary<ReminderStep, string> current;
            lock (plan.Jobs)
            {
                current = new(plan.Jobs);
            }

            foreach (var (step, jobId) in current.Where(c => !steps.Contains(c.Key)))
            {
                if (step.DueAt > now)
                {
                    jobs.Delete(jobId);
                }

                lock (plan.Jobs)
                {
                    plan.Jobs.Remove(step);
                }
            }

            foreach (var step in steps.Where(s => !recorded.Contains((s.Clock, s.Level, s.DueAt)) && !current.ContainsKey(s)))
            {
                var startIn = step.DueAt - timing.Value.ScheduleLead - now;
                string jobId;
                if (step.DueAt <= now)
                {
                    jobId = jobs.Enqueue<ApplicationReminderJob>(JobQueues.Default, j => j.RunAsync(applicationId, step.Clock, step.Level, step.DueAt.UtcTicks, EscalationSource.CatchUp, CancellationToken.None));
                    logger.LogInformation("Application notice {Key} was due at {DueAt:O}: queued for catch-up", ApplicationReminderRecorder.Key(applicationId, step), step.DueAt);
                }
                else
                {
                    jobId = startIn <= TimeSpan.Zero
                        ? jobs.Enqueue<ApplicationReminderJob>(JobQueues.OnTime, j => j.RunAsync(applicationId, step.Clock, step.Level, step.DueAt.UtcTicks, EscalationSource.Scheduled, CancellationToken.None))
                        : jobs.Schedule<ApplicationReminderJob>(JobQueues.OnTime, j => j.RunAsync(applicationId, step.Clock, step.Level, step.DueAt.UtcTicks, EscalationSource.Scheduled, CancellationToken.None), startIn);
                }

                lock (plan.Jobs)
                {
                    plan.Jobs[step] = jobId;
                }
            }
        }
        finally
        {
            plan.Lock.Release();
        }
    }

    /// <summary>Called by a notice's job when it has run.</summary>
    public void Completed(Guid applicationId, ReminderStep step)
    {
        if (_plans.TryGetValue(applicationId, out var plan))
        {
            lock (plan.Jobs)
            {
                plan.Jobs.Remove(step);
            }
        }
    }

    /// <summary>The open applications (a clock may run).</summary>
    public async Task<List<Guid>> OpenIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.NetworkApplications.AsNoTracking()
            .Where(a => a.State == ApplicationState.Received || a.State == ApplicationState.Implementing || a.State == ApplicationState.Paused)
            .Select(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Start-up: Hangfire's in-memory storage forgot every job; the plans are rebuilt from the database.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var ids = await OpenIdsAsync(cancellationToken);
        foreach (var id in ids)
        {
            await PlanAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>The safety net: notices overdue by more than the sweep grace that no job recorded are recorded now.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var swept = 0;
        var recorder = services.GetRequiredService<ApplicationReminderRecorder>();
        var calendar = calendars.Current;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses)
            .Where(a => a.State == ApplicationState.Received || a.State == ApplicationState.Implementing).ToListAsync(cancellationToken);
        var cutoff = time.GetUtcNow() - timing.Value.SweepGrace;
        foreach (var app in open)
        {
            foreach (var step in app.ToProgress().ReminderSteps(calendar).Where(s => s.DueAt <= cutoff))
            {
                if (await recorder.RecordAsync(app.Id, step, EscalationSource.Sweep, cancellationToken))
                {
                    swept++;
                    logger.LogWarning("Sweep recorded application notice {Key}: its job did not", ApplicationReminderRecorder.Key(app.Id, step));
                }
            }
        }

        return swept;
    }
}
