namespace GovNetOps.Web.Features.Escalation;

/// <summary>When the escalation jobs run (section "Escalation", beside the ladder itself).</summary>
public sealed class EscalationTiming
{
    /// <summary>How long before its instant a step's job is scheduled. Hangfire stores schedule times
    /// truncated to whole seconds and moves them to the queue once per SchedulePollingInterval, so a job
    /// starts anywhere from (lead + 1 s) to (lead − poll) before the instant; it then waits for the exact
    /// instant itself. Must exceed Jobs:SchedulePollingInterval.</summary>
    public TimeSpan ScheduleLead { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the sweep looks for due steps that no job recorded.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How overdue an unrecorded step must be before the sweep records it itself
    /// (until then its own job is trusted to do it).</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(5);
}
