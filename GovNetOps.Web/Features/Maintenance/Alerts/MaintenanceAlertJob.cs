using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;

namespace GovNetOps.Web.Features.Maintenance.Alerts;

/// <summary>One alert of one notice. Started a little ahead of its instant, it waits for the exact instant, re-checks the
/// notice and records the alert once; running it twice changes nothing the second time.</summary>
public sealed class MaintenanceAlertJob(MaintenanceAlertRecorder recorder, MaintenanceAlertScheduler scheduler, TimeProvider time)
{
    [JobDisplayName("Maintenance alert {0} {1}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 1, 2, 3, 5], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(long noticeId, MaintenanceAlertKind kind, long dueAtUtcTicks, EscalationSource source, CancellationToken cancellationToken)
    {
        var alert = new MaintenanceAlert(noticeId, kind, new DateTimeOffset(dueAtUtcTicks, TimeSpan.Zero));
        await EscalationClock.UntilAsync(time, alert.DueAt, cancellationToken);
        await recorder.RecordAsync(alert, source, cancellationToken);
        scheduler.Completed(alert);
    }
}
