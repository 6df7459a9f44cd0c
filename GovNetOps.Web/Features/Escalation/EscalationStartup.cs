using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Microsoft.Extensions.Options;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Hooks re-planning onto every committed ticket change, rebuilds the schedule from the
/// database at start-up (the database is the truth: on SQLite Hangfire's in-memory storage starts empty and the stored
/// plan is cleared; on PostgreSQL the stored plan and its jobs survive, and each open ticket is checked against them),
/// resumes unsent deliveries, then queues the sweep periodically. With several instances on PostgreSQL one of them
/// leads (a session advisory lock on its own connection): only the leader rebuilds and sweeps, so both happen once
/// per cluster; the others try to take the lead every sweep interval, so when the leader dies (its connection and
/// lock go with it) another instance rebuilds and sweeps within one interval. Every instance still plans the tickets
/// it changes, against the one plan in the database, in the shared Hangfire storage.</summary>
internal sealed class EscalationStartup(
    EscalationScheduler scheduler,
    EscalationRecorder recorder,
    Notifier<TicketChanged> ticketChanges,
    IBackgroundJobClient jobs,
    IOptions<EscalationTiming> timing,
    IOptions<Infrastructure.Data.DatabaseOptions> database,
    TimeProvider time,
    ILogger<EscalationStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before this instance plans anything: on SQLite the stored plan names jobs of the in-memory storage that went
        // with the last process (the rebuild plans afresh); on PostgreSQL it names jobs that still exist, and stays.
        var forgotten = await scheduler.ForgetStaleJobsAsync(cancellationToken);
        if (forgotten > 0)
        {
            logger.LogInformation("Escalation plan: {Steps} steps of the last run cleared (their jobs were in memory)", forgotten);
        }
        _subscription = ticketChanges.Subscribe(scheduler.OnTicketChangedAsync, localOnly: true);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        Infrastructure.Data.DatabaseEngine.DatabaseLease? lead = null;
        try
        {
            lead = await TryLeadAsync(stoppingToken);
            if (lead is null)
            {
                logger.LogInformation("Another instance leads escalation planning (rebuild and sweep); this one plans the tickets it changes");
            }

            while (await time.NextTickAsync(timing.Value.SweepInterval, stoppingToken))
            {
                if (lead is not null && !await lead.StillHeldAsync(stoppingToken))
                {
                    logger.LogWarning("Lost the escalation planning lead (database connection dropped); trying to take it again");
                    await lead.DisposeAsync();
                    lead = null;
                }
                lead ??= await TryLeadAsync(stoppingToken);
                if (lead is null)
                {
                    continue;
                }
                // A failed enqueue loses one sweep, never the app: an exception escaping a BackgroundService stops the host.
                try { jobs.Enqueue<EscalationSweepJob>(JobQueues.Default, j => j.RunAsync(CancellationToken.None)); }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Queueing the escalation sweep failed; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (lead is not null)
            {
                await lead.DisposeAsync();
            }
        }
    }

    /// <summary>Takes the lead if no other instance has it, and then rebuilds the schedule; null when another leads.</summary>
    private async Task<Infrastructure.Data.DatabaseEngine.DatabaseLease?> TryLeadAsync(CancellationToken stoppingToken)
    {
        Infrastructure.Data.DatabaseEngine.DatabaseLease? lead;
        try
        {
            lead = await Infrastructure.Data.DatabaseEngine.TryLockSessionAsync(database.Value, Infrastructure.Data.DatabaseEngine.Locks.EscalationPlanner, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not ask the database for the escalation planning lead; the next tick tries again");
            return null;
        }
        if (lead is null)
        {
            return null;
        }

        try
        {
            var tickets = await scheduler.RebuildAsync(stoppingToken);
            var deliveries = await recorder.ResumeDeliveriesAsync(stoppingToken);
            logger.LogInformation("Escalation schedule rebuilt for {Tickets} open tickets; {Deliveries} unsent deliveries resumed", tickets, deliveries);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The sweep retries the whole plan; the app stays up.
            logger.LogError(ex, "Rebuilding the escalation schedule failed");
        }
        return lead;
    }
}
