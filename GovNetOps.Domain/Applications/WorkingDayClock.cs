namespace GovNetOps.Domain.Applications;

/// <summary>A working-day clock of an application at an instant (Articles 13, 15).</summary>
/// <param name="Kind">Review or implementation.</param>
/// <param name="State">Running, paused, stopped or not started.</param>
/// <param name="Due">The last working day (China civil date); null when not started.</param>
/// <param name="DeadlineAt">The end of <paramref name="Due"/> in China time, as a UTC instant; null when not started.</param>
/// <param name="IsProvisional">True when the count crossed a year whose holiday notice is not entered
/// (counted Monday–Friday until it is).</param>
/// <param name="StoppedAt">When the clock was met (decision, completion); null otherwise.</param>
/// <param name="WorkingDaysLeft">For a paused clock: the working days still to run when it resumes.</param>
public sealed record WorkingDayClock(
    ApplicationClockKind Kind,
    ApplicationClockState State,
    DateOnly? Due,
    DateTimeOffset? DeadlineAt,
    bool IsProvisional,
    DateTimeOffset? StoppedAt,
    int WorkingDaysLeft)
{
    /// <summary>True when the clock was met after its deadline, or is still running past it at <paramref name="now"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => DeadlineAt is { } deadline && State switch
    {
        ApplicationClockState.Running => now >= deadline,
        ApplicationClockState.Stopped => StoppedAt >= deadline,
        _ => false,
    };
}
