namespace GovNetOps.Domain.Sla;

/// <summary>State of one clock at a given instant (Article 12, interpretation 6).</summary>
public enum ClockState
{
    /// <summary>Running and not yet past the deadline.</summary>
    Running = 1,

    /// <summary>Stopped on or before the deadline.</summary>
    Met = 2,

    /// <summary>The deadline passed without the stop event: overdue and still running, or stopped late. Permanent.</summary>
    Breached = 3,

    /// <summary>Repair clock paused by an approved suspension (interpretation 5), not breached.</summary>
    Suspended = 4,

    /// <summary>The ticket was cancelled before a verdict.</summary>
    Stopped = 5,
}
