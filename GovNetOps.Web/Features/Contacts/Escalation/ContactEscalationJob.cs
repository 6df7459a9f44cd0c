using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;

namespace GovNetOps.Web.Features.Contacts.Escalation;

/// <summary>One overdue re-registration. Started a little ahead of its deadline, it waits for the exact instant, re-checks
/// the site and records the escalation once; running it twice changes nothing the second time.</summary>
public sealed class ContactEscalationJob(ContactEscalationRecorder recorder, ContactEscalationScheduler scheduler, TimeProvider time)
{
    [JobDisplayName("Security contact escalation {0} {1}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 1, 2, 3, 5], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int siteId, int contactId, long dueAtUtcTicks, EscalationSource source, CancellationToken cancellationToken)
    {
        var escalation = new ContactEscalation(siteId, contactId, new DateTimeOffset(dueAtUtcTicks, TimeSpan.Zero));
        await EscalationClock.UntilAsync(time, escalation.DueAt, cancellationToken);
        await recorder.RecordAsync(escalation, source, cancellationToken);
        scheduler.Completed(escalation);
    }
}
