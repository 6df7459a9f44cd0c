namespace GovNetOps.Domain.Sla;

/// <summary>
/// One clock as every reader needs it, so that none re-derives it: the deadline, the instant it reaches the
/// Warning rung of the escalation ladder, whether it counts, and its verdict. Taken from <see cref="SlaClocks"/>
/// (through <see cref="From"/>) and stored with the ticket's read model; <see cref="ColourAt"/> is the one
/// colour rule of the clock card, the ticket list, the carrier queue and the board.
/// </summary>
/// <remarks>
/// The signal is exact for any instant after the one it was taken at, as long as nothing happens to the ticket
/// (any event re-takes it): a running clock keeps its deadline (suspensions only shift it while paused), so
/// breaching and warning are fixed instants. A breach is strictly after the deadline, like
/// <see cref="SlaClocks"/>; the deadline itself is still in time (interpretation 6).
/// </remarks>
/// <param name="Kind">Response or repair.</param>
/// <param name="Deadline">The deadline (provisional while suspended, see <see cref="ClockSnapshot.Deadline"/>).</param>
/// <param name="Allowance">The allowance in force (1 h, 2/4/6 h or 48 h).</param>
/// <param name="WarningFrom">The first instant at the Warning rung of the ladder the signal was taken with.</param>
/// <param name="IsRunning">Counting: not stopped, not cancelled, not suspended (even when overdue).</param>
/// <param name="IsSuspended">The repair clock is paused by an approved suspension.</param>
/// <param name="BreachedDeadline">The deadline whose passing breached the clock, once known; null while not breached.</param>
/// <param name="MetAt">The stop event's instant (acknowledgement or repair) when it came in time; else null.</param>
public sealed record ClockSignal(
    ClockKind Kind,
    DateTimeOffset Deadline,
    TimeSpan Allowance,
    DateTimeOffset WarningFrom,
    bool IsRunning,
    bool IsSuspended,
    DateTimeOffset? BreachedDeadline,
    DateTimeOffset? MetAt)
{
    /// <summary>The signal of a computed clock, with the Warning rung of <paramref name="ladder"/>.</summary>
    public static ClockSignal From(ClockSnapshot clock, EscalationPolicy ladder)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(ladder);
        return Create(
            clock.Kind, clock.Deadline, clock.Allowance, ladder.WarningFraction, clock.IsRunning,
            clock.State == ClockState.Suspended, clock.BreachedDeadline, clock.State == ClockState.Met ? clock.StoppedAt : null);
    }

    /// <summary>A signal from stored facts; the Warning rung lies <c>(1 - warningFraction) × allowance</c> before the deadline.</summary>
    public static ClockSignal Create(
        ClockKind kind, DateTimeOffset deadline, TimeSpan allowance, double warningFraction, bool isRunning, bool isSuspended,
        DateTimeOffset? breachedDeadline, DateTimeOffset? metAt) =>
        new(kind, deadline, allowance, deadline - ((1 - warningFraction) * allowance), isRunning, isSuspended, breachedDeadline, metAt);

    /// <summary>The first instant at which a still-running clock is breached: one tick after its deadline.</summary>
    public DateTimeOffset BreachesFrom => Deadline + TimeSpan.FromTicks(1);

    /// <summary>Breached at <paramref name="at"/>: a known breach before it, or still running past the deadline.</summary>
    public bool IsBreachedAt(DateTimeOffset at) => BreachedDeadline < at || (IsRunning && Deadline < at);

    /// <summary>Met by <paramref name="at"/>: stopped in time by its own stop event (not by cancellation).</summary>
    public bool IsMetBy(DateTimeOffset at) => MetAt <= at;

    /// <summary>Has its verdict at <paramref name="at"/> for compliance: met, or breached.</summary>
    public bool IsDecidedBy(DateTimeOffset at) => IsMetBy(at) || IsBreachedAt(at);

    /// <summary>The colour at <paramref name="at"/>.</summary>
    public ClockColour ColourAt(DateTimeOffset at) =>
        IsBreachedAt(at) ? ClockColour.Breached
        : IsRunning ? (at >= WarningFrom ? ClockColour.Warning : ClockColour.OnTrack)
        : IsSuspended ? ClockColour.Paused
        : ClockColour.Stopped;

    /// <summary>
    /// A ticket's colour at <paramref name="at"/> from its clocks: breached when any clock is; else the governing
    /// clock's (<see cref="Governing"/>); else paused when a clock is suspended; else stopped. No clocks (LAN scope): stopped.
    /// </summary>
    public static ClockColour RowColourAt(IEnumerable<ClockSignal?> clocks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        var list = clocks.OfType<ClockSignal>().ToList();
        if (list.Any(c => c.IsBreachedAt(at)))
        {
            return ClockColour.Breached;
        }

        return Governing(list)?.ColourAt(at)
            ?? (list.Any(c => c.IsSuspended) ? ClockColour.Paused : ClockColour.Stopped);
    }

    /// <summary>The clock that matters now: the running clock that runs out first; null when none runs.</summary>
    public static ClockSignal? Governing(IEnumerable<ClockSignal?> clocks)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        return clocks.OfType<ClockSignal>().Where(c => c.IsRunning).OrderBy(c => c.Deadline).FirstOrDefault();
    }
}
