using System.Collections.Concurrent;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Maintenance.Alerts;

/// <summary>One alert a notice has ahead of it (or due now): its kind and instant.</summary>
public sealed record MaintenanceAlert(long NoticeId, MaintenanceAlertKind Kind, DateTimeOffset DueAt)
{
    public string Key => $"{NoticeId}:{Kind}";

    /// <summary>The alerts a notice calls for as it stands: the approval reminder while it waits for a decision (30 min
    /// before the planned start), the overrun alert while the work is in progress (at the planned end).</summary>
    public static IReadOnlyList<MaintenanceAlert> For(MaintenanceNoticeRecord notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Status switch
        {
            MaintenanceStatus.Pending => [new(notice.Id, MaintenanceAlertKind.ApprovalReminder, MaintenanceRules.ApprovalReminderAt(notice.StartsAt))],
            MaintenanceStatus.InProgress => [new(notice.Id, MaintenanceAlertKind.Overrun, notice.EndsAt)],
            _ => [],
        };
    }
}

/// <summary>Keeps one on-time Hangfire job per alert still ahead of each notice, re-planned on every committed change
/// (the same mechanism as the escalation ladder: started <see cref="EscalationTiming.ScheduleLead"/> early, the job waits
/// for the exact instant). Alerts already due and never recorded are queued at once (catch-up).</summary>
public sealed class MaintenanceAlertScheduler(
    IDbContextFactory<AppDbContext> factory,
    IOptions<EscalationTiming> timing,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<MaintenanceAlertScheduler> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset DueAt, string JobId)> _planned = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The alerts currently scheduled (not yet due), by instant.</summary>
    public IReadOnlyList<(MaintenanceAlert Alert, string JobId)> Pending(long noticeId) =>
        _planned.Where(p => p.Key.StartsWith($"{noticeId}:", StringComparison.Ordinal))
            .Select(p => (new MaintenanceAlert(noticeId, Enum.Parse<MaintenanceAlertKind>(p.Key[(p.Key.IndexOf(':', StringComparison.Ordinal) + 1)..]), p.Value.DueAt), p.Value.JobId))
            .OrderBy(p => p.Item1.DueAt).ToList();

    public Task OnChangedAsync(MaintenanceChanged change) => PlanAsync(change.NoticeId);

    /// <summary>Brings the notice's jobs in line with the alerts it calls for now.</summary>
    public async Task PlanAsync(long noticeId, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var notice = await db.MaintenanceNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
            var wanted = notice is null ? [] : MaintenanceAlert.For(notice);
            var recorded = await db.MaintenanceAlerts.AsNoTracking().Where(a => a.NoticeId == noticeId)
                .Select(a => new { a.Kind, a.DueAt }).ToListAsync(cancellationToken);
            var now = time.GetUtcNow();

            foreach (var key in _planned.Keys.Where(k => k.StartsWith($"{noticeId}:", StringComparison.Ordinal)).ToList())
            {
                if (wanted.Any(a => a.Key == key && a.DueAt == _planned[key].DueAt))
                {
                    continue;
                }

                // A job that runs anyway re-checks the notice and records nothing.
                if (_planned.TryRemove(key, out var old) && old.DueAt > now)
                {
                    jobs.Delete(old.JobId);
                }
            }

            foreach (var alert in wanted)
            {
                if (recorded.Any(r => r.Kind == alert.Kind && r.DueAt == alert.DueAt)
                    || _planned.TryGetValue(alert.Key, out var p) && p.DueAt == alert.DueAt)
                {
                    continue;
                }

                var startIn = alert.DueAt - timing.Value.ScheduleLead - now;
                var source = alert.DueAt <= now ? EscalationSource.CatchUp : EscalationSource.Scheduled;
                var jobId = startIn <= TimeSpan.Zero
                    ? jobs.Enqueue<MaintenanceAlertJob>(JobQueues.OnTime, j => j.RunAsync(alert.NoticeId, alert.Kind, alert.DueAt.UtcTicks, source, CancellationToken.None))
                    : jobs.Schedule<MaintenanceAlertJob>(JobQueues.OnTime, j => j.RunAsync(alert.NoticeId, alert.Kind, alert.DueAt.UtcTicks, source, CancellationToken.None), startIn);
                _planned[alert.Key] = (alert.DueAt, jobId);
                logger.LogInformation("Maintenance alert {Key} at {DueAt:O} planned as job {Job} ({Source})", alert.Key, alert.DueAt, jobId, source);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Called by an alert's job when it has run.</summary>
    public void Completed(MaintenanceAlert alert)
    {
        if (_planned.TryGetValue(alert.Key, out var p) && p.DueAt == alert.DueAt)
        {
            _planned.TryRemove(alert.Key, out _);
        }
    }

    /// <summary>The notices that may call for an alert (pending or in progress).</summary>
    public async Task<List<long>> ActiveNoticeIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.MaintenanceNotices.AsNoTracking()
            .Where(n => n.Status == MaintenanceStatus.Pending || n.Status == MaintenanceStatus.InProgress)
            .Select(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Start-up: Hangfire's in-memory storage forgot every job; the plan is rebuilt from the database.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var ids = await ActiveNoticeIdsAsync(cancellationToken);
        foreach (var id in ids)
        {
            await PlanAsync(id, cancellationToken);
        }

        return ids.Count;
    }
}
