using System.Collections.Concurrent;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Contacts.Escalation;

/// <summary>Keeps one on-time Hangfire job per site with an open re-registration, at its deadline (the same mechanism
/// as the escalation ladder and the maintenance alerts: started <see cref="EscalationTiming.ScheduleLead"/> early, the
/// job waits for the exact instant). Re-planned after every committed contact change and every calendar edit (the
/// deadline moves); an escalation already due and never recorded is queued at once (catch-up after a restart).</summary>
public sealed class ContactEscalationScheduler(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    IOptions<EscalationTiming> timing,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<ContactEscalationScheduler> logger)
{
    private readonly ConcurrentDictionary<int, (ContactEscalation Escalation, string JobId)> _planned = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The escalation scheduled for a site and its job, if any.</summary>
    public (ContactEscalation Escalation, string JobId)? Pending(int siteId) => _planned.TryGetValue(siteId, out var p) ? p : null;

    public Task OnChangedAsync(SecurityContactChanged change) => PlanAsync(change.SiteId);

    /// <summary>Brings the site's job in line with the escalation it calls for now.</summary>
    public async Task PlanAsync(int siteId, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var active = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => (bool?)s.IsActive).SingleOrDefaultAsync(cancellationToken);
            var contacts = await db.SecurityContacts.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken);
            var wanted = ContactEscalation.For(active == true, contacts, calendars.Current);
            if (wanted is not null && await db.ContactEscalations.AnyAsync(r => r.ContactId == wanted.ContactId, cancellationToken))
            {
                wanted = null;
            }

            var now = time.GetUtcNow();
            if (_planned.TryGetValue(siteId, out var old))
            {
                if (old.Escalation == wanted)
                {
                    return;
                }

                // A job that runs anyway re-checks the site and records nothing.
                _planned.TryRemove(siteId, out _);
                if (old.Escalation.DueAt > now)
                {
                    jobs.Delete(old.JobId);
                }
            }

            if (wanted is null)
            {
                return;
            }

            var startIn = wanted.DueAt - timing.Value.ScheduleLead - now;
            var source = wanted.DueAt <= now ? EscalationSource.CatchUp : EscalationSource.Scheduled;
            var queue = source == EscalationSource.CatchUp ? JobQueues.Default : JobQueues.OnTime;
            var jobId = startIn <= TimeSpan.Zero
                ? jobs.Enqueue<ContactEscalationJob>(queue, j => j.RunAsync(wanted.SiteId, wanted.ContactId, wanted.DueAt.UtcTicks, source, CancellationToken.None))
                : jobs.Schedule<ContactEscalationJob>(queue, j => j.RunAsync(wanted.SiteId, wanted.ContactId, wanted.DueAt.UtcTicks, source, CancellationToken.None), startIn);
            _planned[siteId] = (wanted, jobId);
            logger.LogInformation("Security contact escalation {Key} at {DueAt:O} planned as job {Job} ({Source})", wanted.Key, wanted.DueAt, jobId, source);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Called by an escalation's job when it has run.</summary>
    public void Completed(ContactEscalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (_planned.TryGetValue(escalation.SiteId, out var p) && p.Escalation == escalation)
        {
            _planned.TryRemove(escalation.SiteId, out _);
        }
    }

    /// <summary>The active sites with a contact who stopped and has no successor yet.</summary>
    public async Task<List<int>> OpenSiteIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SecurityContacts.AsNoTracking().Where(c => c.StoppedOn != null && c.ReplacedAt == null && c.Site!.IsActive)
            .Select(c => c.SiteId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Start-up and calendar edits: plans every open re-registration from the database, and drops the plans of
    /// sites that no longer have one.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var ids = await OpenSiteIdsAsync(cancellationToken);
        foreach (var id in ids.Union(_planned.Keys).ToList())
        {
            await PlanAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>The safety net: escalations overdue by more than the sweep grace that no job recorded are recorded now.</summary>
    public async Task<int> SweepAsync(ContactEscalationRecorder recorder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var swept = 0;
        var cutoff = time.GetUtcNow() - timing.Value.SweepGrace;
        foreach (var id in await OpenSiteIdsAsync(cancellationToken))
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var contacts = await db.SecurityContacts.AsNoTracking().Where(c => c.SiteId == id).ToListAsync(cancellationToken);
            if (ContactEscalation.For(true, contacts, calendars.Current) is { } due && due.DueAt <= cutoff
                && await recorder.RecordAsync(due, EscalationSource.Sweep, cancellationToken))
            {
                swept++;
                logger.LogWarning("Sweep recorded security contact escalation {Key} due {DueAt:O}: its job did not", due.Key, due.DueAt);
            }
        }

        return swept;
    }
}
