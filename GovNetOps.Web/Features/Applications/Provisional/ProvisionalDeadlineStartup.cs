using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Events;

namespace GovNetOps.Web.Features.Applications.Provisional;

/// <summary>Checks an application's deadline after every committed change to it, every open application after a calendar
/// change and once at start-up (a notice lost to a crash between the change and its check is sent then).</summary>
internal sealed class ProvisionalDeadlineStartup(
    ProvisionalDeadlines deadlines,
    Notifier<ApplicationChanged> changes,
    Notifier<CalendarChanged> calendarChanges,
    ILogger<ProvisionalDeadlineStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;
    private IDisposable? _calendarSubscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Local only: the instance that made the change checks it (the notice's key keeps it once either way).
        _subscription = changes.Subscribe(change => deadlines.NotifyAsync(change.ApplicationId), localOnly: true);
        _calendarSubscription = calendarChanges.Subscribe(_ => deadlines.NotifyAllAsync(), localOnly: true);
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
            var sent = await deadlines.NotifyAllAsync(stoppingToken);
            logger.LogInformation("Provisional application deadlines checked at start-up: {Sent} notices sent", sent);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Checking provisional application deadlines at start-up failed; the next change checks again");
        }
    }
}
