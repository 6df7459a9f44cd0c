namespace GovNetOps.Domain.Sla;

/// <summary>
/// One Article 12 clock of a ticket at a given instant (PRODUCT.md interpretations 1-6).
/// </summary>
/// <param name="Kind">Response or repair.</param>
/// <param name="Start">The report time (interpretation 1).</param>
/// <param name="Deadline">The instant the allowance runs out, shifted by suspended time (repair only). While
/// suspended it is provisional: the instant the clock would run out if work resumed now.</param>
/// <param name="StoppedAt">The stop event (acknowledgement / repair stamp / cancellation), or null while open.</param>
/// <param name="SuspendedTime">Suspended time excluded from the clock so far (interpretation 5; always zero for response).</param>
/// <param name="State">Running, Met, Breached, Suspended or Stopped.</param>
/// <param name="TimeLeft">Deadline minus now (or minus the stop instant); zero when overdue.</param>
/// <param name="Overdue">Now (or the stop instant) minus the deadline; zero when not overdue.</param>
/// <param name="FractionElapsed">Counted clock time divided by the allowance (1.0 at the deadline; may exceed 1).</param>
/// <param name="IsRunning">True while the clock counts (not stopped and not suspended), even when overdue.</param>
/// <param name="IsBreached">True once a deadline passed without the stop event: permanent (interpretation 6).</param>
public sealed record ClockSnapshot(
    ClockKind Kind,
    DateTimeOffset Start,
    DateTimeOffset Deadline,
    DateTimeOffset? StoppedAt,
    TimeSpan SuspendedTime,
    ClockState State,
    TimeSpan TimeLeft,
    TimeSpan Overdue,
    double FractionElapsed,
    bool IsRunning,
    bool IsBreached)
{
    /// <summary>True when the clock has its verdict (Met, Breached-and-stopped, or Stopped by cancellation).</summary>
    public bool IsFinal => StoppedAt is not null;

    /// <summary>The allowance in force (e.g. 1 h, 2/4/6 h, or 48 h for an approved complex fault).</summary>
    public TimeSpan Allowance { get; init; }

    /// <summary>The deadline whose passing breached the clock, or null when not breached. For a complex fault
    /// approved after the general deadline had passed, this is the general deadline: that breach stays.</summary>
    public DateTimeOffset? BreachedDeadline { get; init; }
}
