using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Maintenance.Alerts;

/// <summary>Hooks re-planning onto every committed notice change, rebuilds the alert plan from the database at start-up
/// (Hangfire's in-memory storage starts empty), then queues the sweep periodically.</summary>
internal sealed class MaintenanceStartup(
    MaintenanceAlertScheduler scheduler,
    Notifier<MaintenanceChanged> changes,
    IBackgroundJobClient jobs,
    IOptions<MaintenanceOptions> options,
    TimeProvider time,
    ILogger<MaintenanceStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = changes.Subscribe(scheduler.OnChangedAsync);
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
            var notices = await scheduler.RebuildAsync(stoppingToken);
            logger.LogInformation("Maintenance alert schedule rebuilt for {Notices} active notices", notices);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Rebuilding the maintenance alert schedule failed");
        }

        try
        {
            while (await time.NextTickAsync(options.Value.SweepInterval, stoppingToken))
            {
                try { jobs.Enqueue<MaintenanceSweepJob>(JobQueues.Default, j => j.RunAsync(CancellationToken.None)); }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Queueing the maintenance sweep failed; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
