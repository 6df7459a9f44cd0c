using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>One escalation step of one ticket. Started a little ahead of the step's instant, it
/// waits for the exact instant, re-checks the ticket and records the step once; running it
/// twice (retry, catch-up, sweep) changes nothing the second time.</summary>
public sealed class EscalationJob(EscalationRecorder recorder, EscalationScheduler scheduler, TimeProvider time)
{
    [JobDisplayName("Escalation {0} {1} {2} #{3}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 1, 2, 3, 5], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(
        Guid ticketId, ClockKind clock, EscalationLevel level, int repeat, long dueAtUtcTicks, EscalationSource source,
        CancellationToken cancellationToken)
    {
        var dueAt = new DateTimeOffset(dueAtUtcTicks, TimeSpan.Zero);
        // The steps of this instant are read ahead (once, by whichever of its jobs starts first), never recorded early.
        if (source == EscalationSource.Scheduled && time.GetUtcNow() < dueAt)
        {
            await recorder.PrepareAsync(dueAt, cancellationToken);
        }

        await EscalationClock.UntilAsync(time, dueAt, cancellationToken);
        await recorder.CarryOutAsync(ticketId, clock, level, repeat, dueAt, source, cancellationToken);
        // The step leaves the plan; recording a re-notification makes the next one the step ahead.
        await scheduler.CompletedAsync(new EscalationStep(ticketId, clock, level, repeat, dueAt, default), cancellationToken);
    }
}
