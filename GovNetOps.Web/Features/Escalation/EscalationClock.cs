namespace GovNetOps.Web.Features.Escalation;

/// <summary>Waits for an exact instant on the injected clock.</summary>
public static class EscalationClock
{
    /// <summary>Returns at or after <paramref name="instant"/>, never before: timers may wake a
    /// fraction of a millisecond early, so the wait repeats until the clock says so.</summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        for (var now = time.GetUtcNow(); now < instant; now = time.GetUtcNow())
        {
            await Task.Delay(instant - now, time, cancellationToken);
        }
    }
}
