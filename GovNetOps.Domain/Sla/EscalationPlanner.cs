using GovNetOps.Domain.Tickets;

namespace GovNetOps.Domain.Sla;

/// <summary>
/// Plans the escalation ladder of a ticket (Article 12; PRODUCT.md interpretation 8): the exact instant of
/// every step still ahead, and the steps due now.
/// </summary>
/// <remarks>
/// A step's instant is the wall-clock instant at which its fraction of the clock's allowance in force is
/// reached, counting suspension so far (repair clock only); while a suspension is open, repair instants are
/// provisional and no repair step is due. Stopped clocks (met, stopped late, cancelled) have no steps; LAN
/// tickets have none. Re-notification n falls at deadline + n × <see cref="EscalationPolicy.RenotifyEvery"/>
/// of counted time.
/// </remarks>
public static class EscalationPlanner
{
    /// <summary>The default number of future re-notifications listed by <see cref="StepsAhead(FaultTicket, SlaPolicy, EscalationPolicy, DateTimeOffset, int)"/>.</summary>
    public const int DefaultMaxRenotify = 3;

    /// <summary>The steps ahead under the ladder of the ticket's own policy version (<see cref="SlaPolicy.Escalation"/>):
    /// a ticket keeps the ladder in force at its report time, as it keeps its deadlines.</summary>
    public static IReadOnlyList<EscalationStep> StepsAhead(FaultTicket ticket, SlaPolicy policy, DateTimeOffset now, int maxRenotify = DefaultMaxRenotify)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return StepsAhead(ticket, policy, policy.Escalation, now, maxRenotify);
    }

    /// <summary>The steps due under the ladder of the ticket's own policy version (<see cref="SlaPolicy.Escalation"/>).</summary>
    public static IReadOnlyList<EscalationStep> DueAt(FaultTicket ticket, SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return DueAt(ticket, policy, policy.Escalation, now);
    }

    /// <summary>
    /// Every step strictly after <paramref name="now"/> for the clocks still open, ordered by instant (then
    /// clock, level, repeat), with at most <paramref name="maxRenotify"/> re-notifications per clock.
    /// </summary>
    public static IReadOnlyList<EscalationStep> StepsAhead(
        FaultTicket ticket, SlaPolicy policy, EscalationPolicy escalation, DateTimeOffset now, int maxRenotify = DefaultMaxRenotify)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRenotify);
        ArgumentNullException.ThrowIfNull(ticket);
        ticket = ticket.AsOf(now);
        var steps = new List<EscalationStep>();
        foreach (var clock in SlaClocks.Compute(ticket, policy, now).Where(c => !c.IsFinal))
        {
            var timeline = SlaClocks.Timeline(ticket, clock.Kind, now);
            foreach (var rule in escalation.Ladder)
            {
                var at = timeline.InstantAt(clock.Allowance * rule.Fraction);
                if (at > now)
                {
                    steps.Add(new(ticket.Id, clock.Kind, rule.Level, 0, at, rule.Recipients));
                }
            }

            var listed = 0;
            for (var n = FirstRenotifyAfter(timeline, clock, escalation, now); listed < maxRenotify; n++, listed++)
            {
                var at = timeline.InstantAt(clock.Allowance + (escalation.RenotifyEvery * n));
                steps.Add(new(ticket.Id, clock.Kind, EscalationLevel.Renotify, n, at, escalation.RenotifyRecipients));
            }
        }

        return Order(steps);
    }

    /// <summary>
    /// The steps due at <paramref name="now"/> (instant ≤ now) for clocks still counting: every ladder rung
    /// reached, plus only the latest re-notification reached (earlier missed ones are moot). The caller skips
    /// steps already carried out, by <see cref="EscalationStep.Key"/>.
    /// </summary>
    public static IReadOnlyList<EscalationStep> DueAt(
        FaultTicket ticket, SlaPolicy policy, EscalationPolicy escalation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(ticket);
        ticket = ticket.AsOf(now);
        var steps = new List<EscalationStep>();
        foreach (var clock in SlaClocks.Compute(ticket, policy, now).Where(c => c.IsRunning))
        {
            var timeline = SlaClocks.Timeline(ticket, clock.Kind, now);
            foreach (var rule in escalation.Ladder)
            {
                var at = timeline.InstantAt(clock.Allowance * rule.Fraction);
                if (at <= now)
                {
                    steps.Add(new(ticket.Id, clock.Kind, rule.Level, 0, at, rule.Recipients));
                }
            }

            var latest = FirstRenotifyAfter(timeline, clock, escalation, now) - 1;
            if (latest >= 1)
            {
                var at = timeline.InstantAt(clock.Allowance + (escalation.RenotifyEvery * latest));
                steps.Add(new(ticket.Id, clock.Kind, EscalationLevel.Renotify, latest, at, escalation.RenotifyRecipients));
            }
        }

        return Order(steps);
    }

    /// <summary>The first re-notification number whose instant lies strictly after now.</summary>
    private static int FirstRenotifyAfter(ClockTimeline timeline, ClockSnapshot clock, EscalationPolicy escalation, DateTimeOffset now)
    {
        var over = timeline.CountedAt(now) - clock.Allowance;
        if (over < TimeSpan.Zero)
        {
            return 1;
        }

        // Re-notification n lies after now exactly when its counted time exceeds the counted time so far.
        return (int)(over.Ticks / escalation.RenotifyEvery.Ticks) + 1;
    }

    private static List<EscalationStep> Order(List<EscalationStep> steps) =>
        steps.OrderBy(s => s.DueAt).ThenBy(s => s.Clock).ThenBy(s => s.Level).ThenBy(s => s.Repeat).ToList();
}
