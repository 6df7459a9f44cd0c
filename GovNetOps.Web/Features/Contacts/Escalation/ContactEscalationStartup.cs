using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.Extensions.Options;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Contacts.Escalation;

/// <summary>Hooks re-planning onto every committed contact change and every calendar edit, rebuilds the plan from the
/// database at start-up (Hangfire's in-memory storage starts empty), then sweeps on the escalation sweep interval.</summary>
internal sealed class ContactEscalationStartup(
    ContactEscalationScheduler scheduler,
    ContactEscalationRecorder recorder,
    Notifier<SecurityContactChanged> changes,
    Notifier<CalendarChanged> calendarChanges,
    IOptions<EscalationTiming> timing,
    TimeProvider time,
    ILogger<ContactEscalationStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;
    private IDisposable? _calendarSubscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = changes.Subscribe(scheduler.OnChangedAsync);
        // Local only: the instance where the calendar was edited re-plans (the jobs are shared); the others only read it again.
        _calendarSubscription = calendarChanges.Subscribe(_ => scheduler.RebuildAsync(), localOnly: true);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _calendarSubscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var count = await scheduler.RebuildAsync(stoppingToken);
            logger.LogInformation("Security contact escalations planned for {Count} open re-registrations", count);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Planning the security contact escalations failed; the sweep retries");
        }

        try
        {
            while (await time.NextTickAsync(timing.Value.SweepInterval, stoppingToken))
            {
                try { await scheduler.SweepAsync(recorder, stoppingToken); }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Security contact escalation sweep failed; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
