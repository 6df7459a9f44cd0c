using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>The safety net: every open ticket's due steps that no job recorded within the grace
/// period are recorded now, and every ticket's plan is checked.</summary>
public sealed class EscalationSweepJob(
    EscalationScheduler scheduler,
    EscalationRecorder recorder,
    TicketStore store,
    SlaPolicyBook policies,
    IOptions<EscalationTiming> timing,
    TimeProvider time,
    ILogger<EscalationSweepJob> logger)
{
    [JobDisplayName("Escalation sweep")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var id in await scheduler.OpenTicketIdsAsync(cancellationToken))
        {
            var ticket = await store.LoadAsync(id, cancellationToken);
            if (ticket is null)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var due = EscalationPlanner.DueAt(ticket, policies.ForVersion(ticket.PolicyVersion), now)
                .Where(s => s.DueAt <= now - timing.Value.SweepGrace).ToList();
            if (due.Count > 0)
            {
                var recorded = await scheduler.RecordedKeysAsync(id, cancellationToken);
                foreach (var step in due.Where(s => !recorded.Contains(s.Key)))
                {
                    if (await recorder.RecordAsync(step, EscalationSource.Sweep, cancellationToken))
                    {
                        swept++;
                        logger.LogWarning("Sweep recorded escalation {Key} due {DueAt:O}: its job did not", step.Key, step.DueAt);
                    }
                }
            }
            await scheduler.PlanAsync(id, cancellationToken);
        }
        if (swept > 0)
        {
            logger.LogWarning("Escalation sweep recorded {Count} missed steps", swept);
        }
    }
}
