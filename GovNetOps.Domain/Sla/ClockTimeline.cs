namespace GovNetOps.Domain.Sla;

/// <summary>
/// Maps counted clock time to wall-clock instants for one clock: wall time since the start minus
/// suspended time (interpretation 5). Counted time never decreases, which is what makes a breach permanent.
/// </summary>
internal sealed class ClockTimeline
{
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _now;
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _pauses;

    /// <param name="start">Clock start.</param>
    /// <param name="pauses">Suspensions (End null = still open); clipped to [start, now].</param>
    /// <param name="now">The evaluation instant; nothing after it is known.</param>
    public ClockTimeline(DateTimeOffset start, IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> pauses, DateTimeOffset now)
    {
        _start = start;
        _now = now;
        _pauses = pauses
            .Where(p => p.Start <= now)
            .Select(p => (Start: Max(p.Start, start), End: Min(p.End ?? now, now)))
            .Where(p => p.End > p.Start)
            .OrderBy(p => p.Start)
            .ToList();
        IsPausedNow = pauses.Any(p => p.Start <= now && (p.End is null || p.End > now));
    }

    /// <summary>True while a suspension is open at the evaluation instant.</summary>
    public bool IsPausedNow { get; }

    /// <summary>Counted time at wall instant <paramref name="at"/> (≤ now).</summary>
    public TimeSpan CountedAt(DateTimeOffset at)
    {
        if (at <= _start)
        {
            return TimeSpan.Zero;
        }

        var paused = TimeSpan.Zero;
        foreach (var (s, e) in _pauses)
        {
            if (s >= at)
            {
                break;
            }

            paused += Min(e, at) - s;
        }

        return at - _start - paused;
    }

    /// <summary>
    /// The earliest wall instant at which counted time reaches <paramref name="counted"/>. An open
    /// suspension is treated as ending now, so instants beyond it are provisional.
    /// </summary>
    public DateTimeOffset InstantAt(TimeSpan counted)
    {
        var cursor = _start;
        var remaining = counted;
        foreach (var (s, e) in _pauses)
        {
            if (s - cursor >= remaining)
            {
                break;
            }

            remaining -= s - cursor;
            cursor = e;
        }

        return cursor + remaining;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
