using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Hooks re-planning onto every committed ticket change, rebuilds the schedule from the
/// database at start-up (the database is the truth; Hangfire's in-memory storage starts empty),
/// resumes unsent deliveries, then queues the sweep periodically.</summary>
internal sealed class EscalationStartup(
    EscalationScheduler scheduler,
    EscalationRecorder recorder,
    Notifier<TicketChanged> ticketChanges,
    IBackgroundJobClient jobs,
    IOptions<EscalationTiming> timing,
    TimeProvider time,
    ILogger<EscalationStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ticketChanges.Subscribe(scheduler.OnTicketChangedAsync);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var tickets = await scheduler.RebuildAsync(stoppingToken);
            var deliveries = await recorder.ResumeDeliveriesAsync(stoppingToken);
            logger.LogInformation("Escalation schedule rebuilt for {Tickets} open tickets; {Deliveries} unsent deliveries resumed", tickets, deliveries);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The sweep below retries the whole plan; the app stays up.
            logger.LogError(ex, "Rebuilding the escalation schedule failed");
        }

        using var timer = new PeriodicTimer(timing.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
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
    }
}
