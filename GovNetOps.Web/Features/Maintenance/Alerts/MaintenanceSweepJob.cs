using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Maintenance.Alerts;

/// <summary>The safety net: every active notice's alert that fell due more than the grace period ago and that no job
/// recorded is recorded now, and every notice's plan is checked.</summary>
public sealed class MaintenanceSweepJob(
    IDbContextFactory<AppDbContext> factory,
    MaintenanceAlertScheduler scheduler,
    MaintenanceAlertRecorder recorder,
    IOptions<MaintenanceOptions> options,
    TimeProvider time,
    ILogger<MaintenanceSweepJob> logger)
{
    [JobDisplayName("Maintenance alert sweep")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var id in await scheduler.ActiveNoticeIdsAsync(cancellationToken))
        {
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                var notice = await db.MaintenanceNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
                var now = time.GetUtcNow();
                foreach (var alert in notice is null ? [] : MaintenanceAlert.For(notice))
                {
                    if (alert.DueAt <= now - options.Value.SweepGrace && await recorder.RecordAsync(alert, EscalationSource.Sweep, cancellationToken))
                    {
                        swept++;
                        logger.LogWarning("Sweep recorded maintenance alert {Key} due {DueAt:O}: its job did not", alert.Key, alert.DueAt);
                    }
                }
            }

            await scheduler.PlanAsync(id, cancellationToken);
        }
    }
}
