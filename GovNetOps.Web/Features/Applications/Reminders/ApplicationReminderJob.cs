using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;

namespace GovNetOps.Web.Features.Applications.Reminders;

/// <summary>One application notice. Started a little ahead of its instant (as escalation jobs are), it waits for the
/// exact instant, then records the notice once; running it twice changes nothing the second time.</summary>
public sealed class ApplicationReminderJob(ApplicationReminderRecorder recorder, ApplicationReminderScheduler scheduler, TimeProvider time)
{
    [JobDisplayName("Application notice {0} {1} {2}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 1, 2, 3, 5], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid applicationId, ApplicationClockKind clock, ReminderLevel level, long dueAtUtcTicks, EscalationSource source, CancellationToken cancellationToken)
    {
        var step = new ReminderStep(clock, level, new DateTimeOffset(dueAtUtcTicks, TimeSpan.Zero));
        await EscalationClock.UntilAsync(time, step.DueAt, cancellationToken);
        await recorder.RecordAsync(applicationId, step, source, cancellationToken);
        scheduler.Completed(applicationId, step);
    }
}
