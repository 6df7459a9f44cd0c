using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Web.Features.Notifications.Announcements;

/// <summary>Places the announcer's cursor (first start), listens to committed ticket changes, and announces what a
/// restart left unannounced (events committed after the cursor before the app stopped).</summary>
internal sealed class AnnouncementStartup(
    TicketAnnouncer announcer,
    Notifier<TicketChanged> ticketChanges,
    ILogger<AnnouncementStartup> logger) : BackgroundService
{
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the app listens: the cursor exists before the first ticket change can wake the announcer.
        await announcer.EnsureCursorAsync(cancellationToken);
        _subscription = ticketChanges.Subscribe(announcer.OnTicketChangedAsync, localOnly: true);
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
        try
        {
            var written = await announcer.CatchUpAsync(stoppingToken);
            if (written > 0)
            {
                logger.LogInformation("Announced {Count} notifications left from before the restart", written);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The next ticket change catches up again; the app stays up.
            logger.LogError(ex, "Catching up on unannounced ticket events failed");
        }
    }
}
