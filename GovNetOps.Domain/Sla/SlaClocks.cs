using GovNetOps.Domain.Tickets;

namespace GovNetOps.Domain.Sla;

/// <summary>
/// Computes the Article 12 clocks of a ticket at a given instant (PRODUCT.md interpretations 1-7 and 9).
/// </summary>
/// <remarks>
/// Both clocks start at the report time. Response stops at the first acknowledgement: for one made by phone and
/// recorded by ops, at the time of the call (interpretation 9), but only once it is recorded, so the clock as it stood
/// between the call and its recording was still running (and may have looked overdue). Repair stops at the
/// repair stamp (cleared by reopening, the original deadline standing). An approved complex fault sets the
/// repair allowance to 48 h from the report, but a general deadline that had already passed before the
/// approval stays breached. Approved suspension time is excluded from the repair clock only. A breach is
/// permanent. LAN-scope tickets have no clocks (Article 11). Events after <c>now</c> are ignored
/// (<see cref="FaultTicket.AsOf"/>), so the result is the clock as it stood at <c>now</c>.
/// </remarks>
public static class SlaClocks
{
    /// <summary>Both clocks at <paramref name="now"/> (response first); empty for LAN scope. The policy must be the ticket's version.</summary>
    public static IReadOnlyList<ClockSnapshot> Compute(FaultTicket ticket, SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Version != ticket.PolicyVersion)
        {
            throw new ArgumentException(
                $"Ticket {ticket.Id} was reported under Sla policy version {ticket.PolicyVersion}, not {policy.Version}.",
                nameof(policy));
        }

        if (!ticket.HasCarrierClocks)
        {
            return [];
        }

        ticket = ticket.AsOf(now);

        return [Response(ticket, policy, now), Repair(ticket, policy, now)];
    }

    /// <summary>Both clocks, using the policy version the ticket was reported under.</summary>
    public static IReadOnlyList<ClockSnapshot> Compute(FaultTicket ticket, SlaPolicyBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Compute(ticket, book.ForVersion(ticket.PolicyVersion), now);
    }

    /// <summary>One clock at <paramref name="now"/>, or null for LAN scope.</summary>
    public static ClockSnapshot? For(FaultTicket ticket, SlaPolicy policy, ClockKind kind, DateTimeOffset now) =>
        Compute(ticket, policy, now).FirstOrDefault(c => c.Kind == kind);

    /// <summary>
    /// The repair deadline the ticket would have if Ops approved it as a complex fault at <paramref name="now"/>
    /// (interpretation 4): the policy's <see cref="SlaPolicy.Complex"/> allowance counted from the report, approved
    /// suspensions excluded. What the approval's confirmation states before the decision is taken.
    /// </summary>
    public static DateTimeOffset RepairDeadlineIfComplexApproved(FaultTicket ticket, SlaPolicyBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(book);
        return Timeline(ticket.AsOf(now), ClockKind.Repair, now).InstantAt(book.ForVersion(ticket.PolicyVersion).Complex);
    }

    /// <summary>The counted-time timeline of one clock (suspensions apply to repair only).</summary>
    internal static ClockTimeline Timeline(FaultTicket ticket, ClockKind kind, DateTimeOffset now) =>
        new(ticket.ReportedAt,
            kind == ClockKind.Repair ? ticket.Suspensions.Select(s => (s.Start, s.End)) : [],
            now);

    private static DateTimeOffset? ComplexApprovedBy(FaultTicket ticket, DateTimeOffset now) =>
        ticket.Complex == ComplexStatus.Approved && ticket.ComplexApprovedAt <= now ? ticket.ComplexApprovedAt : null;

    private static ClockSnapshot Response(FaultTicket ticket, SlaPolicy policy, DateTimeOffset now) =>
        Build(ClockKind.Response, ticket, now, Known(ticket.AcknowledgedAt, now), policy.Response, null, policy.Response);

    private static ClockSnapshot Repair(FaultTicket ticket, SlaPolicy policy, DateTimeOffset now)
    {
        var general = policy.RepairFor(ticket.LocationClass);
        var approvedAt = ComplexApprovedBy(ticket, now);
        var allowance = approvedAt is null ? general : policy.Complex;
        return Build(ClockKind.Repair, ticket, now, Known(ticket.RepairedAt, now), allowance, approvedAt, general);
    }

    private static ClockSnapshot Build(
        ClockKind kind,
        FaultTicket ticket,
        DateTimeOffset now,
        DateTimeOffset? stop,
        TimeSpan allowance,
        DateTimeOffset? allowanceChangedAt,
        TimeSpan allowanceBefore)
    {
        var timeline = Timeline(ticket, kind, now);
        var cancelled = stop is null ? Known(ticket.CancelledAt, now) : null;
        var end = stop ?? cancelled ?? now;
        if (end < ticket.ReportedAt)
        {
            end = ticket.ReportedAt;
        }

        var counted = timeline.CountedAt(end);
        var deadline = timeline.InstantAt(allowance);

        // Interpretation 4 and 6: before the complex approval the general limit was in force;
        // exceeding it then is a breach that the later approval does not erase.
        DateTimeOffset? breachedDeadline = null;
        if (allowanceChangedAt is { } changed
            && timeline.CountedAt(changed < end ? changed : end) > allowanceBefore)
        {
            breachedDeadline = timeline.InstantAt(allowanceBefore);
        }
        else if (counted > allowance)
        {
            breachedDeadline = deadline;
        }

        var breached = breachedDeadline is not null;
        var finalAt = stop ?? cancelled;
        var suspendedNow = finalAt is null && timeline.IsPausedNow;
        var state = (finalAt, breached) switch
        {
            (_, true) => ClockState.Breached,
            (not null, false) when stop is not null => ClockState.Met,
            (not null, false) => ClockState.Stopped,
            _ => suspendedNow ? ClockState.Suspended : ClockState.Running,
        };

        return new ClockSnapshot(
            kind,
            ticket.ReportedAt,
            deadline,
            finalAt,
            end - ticket.ReportedAt - counted,
            state,
            deadline > end ? deadline - end : TimeSpan.Zero,
            end > deadline ? end - deadline : TimeSpan.Zero,
            counted / allowance,
            finalAt is null && !suspendedNow,
            breached)
        {
            Allowance = allowance,
            BreachedDeadline = breachedDeadline,
        };
    }

    private static DateTimeOffset? Known(DateTimeOffset? stamp, DateTimeOffset now) => stamp <= now ? stamp : null;
}
