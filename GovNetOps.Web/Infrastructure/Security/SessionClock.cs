namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>The clock of session idleness. Idleness is a person's real time away from the keyboard, measured in the
/// browser as well; it is kept apart from the app's <see cref="TimeProvider"/> so a test that moves the business
/// clock by hours (SLA deadlines, monthly reports) does not sign its open pages out, and a test of the idle sign-out
/// can move this one alone. In production both are the system clock.</summary>
public sealed class SessionClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset GetUtcNow() => Time.GetUtcNow();
}
