using FsCheck.Xunit;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain;

/// <summary>Invariants of the Article 12 engine over random ticket histories (fixed base instant, no real clock).</summary>
public class DomainProperties
{
    private static readonly SlaPolicy Policy = SlaPolicy.Regulation;

    private static readonly TicketTrigger[] Moves =
    [
        TicketTrigger.Acknowledge, TicketTrigger.PostProgress, TicketTrigger.RequestComplex, TicketTrigger.ApproveComplex,
        TicketTrigger.RejectComplex, TicketTrigger.RequestSuspend, TicketTrigger.ApproveSuspend, TicketTrigger.RejectSuspend,
        TicketTrigger.Resume, TicketTrigger.MarkRepaired, TicketTrigger.ConfirmClosed, TicketTrigger.Reopen, TicketTrigger.Cancel,
    ];

    /// <summary>Plays a random script: each int picks a move and a delay (0-179 min); refused moves are skipped.</summary>
    private static (FaultTicket Ticket, List<DateTimeOffset> Instants) Play(int[] script, int classSeed, int backdateMinutes)
    {
        var locationClass = (LocationClass)(1 + (Math.Abs(classSeed % 3)));
        var loggedAfter = M(Math.Abs(backdateMinutes % 600));
        var ticket = TicketBuilder.Backbone(locationClass).LoggedAfter(loggedAfter).Build();
        var now = T0 + loggedAfter;
        var instants = new List<DateTimeOffset> { T0, now };
        foreach (var code in script ?? [])
        {
            var n = Math.Abs(code % 100_000);
            now += M(n % 180);
            var trigger = Moves[(n / 180) % Moves.Length];
            ticket.Apply(new TicketCommand(trigger, "说明"), ActorFor(trigger), now);
            instants.Add(now);
        }

        instants.Add(now + H(60));
        return (ticket, instants);
    }

    [Property(MaxTest = 200)]
    public bool Deadlines_NeverPrecedeReportTime(int[] script, int classSeed, int backdate)
    {
        // Interpretation 1: clocks start at the report time; no deadline lies before it.
        var (ticket, instants) = Play(script, classSeed, backdate);
        return instants.All(now => SlaClocks.Compute(ticket, Policy, now).All(c => c.Deadline >= ticket.ReportedAt && c.Start == ticket.ReportedAt));
    }

    [Property(MaxTest = 200)]
    public bool Breach_NeverTurnsBackIntoMet(int[] script, int classSeed, int backdate)
    {
        // Interpretation 6: a breach is a permanent fact, at any later instant.
        var (ticket, instants) = Play(script, classSeed, backdate);
        foreach (var kind in new[] { ClockKind.Response, ClockKind.Repair })
        {
            var breached = false;
            foreach (var now in instants.Order())
            {
                var clock = SlaClocks.For(ticket, Policy, kind, now)!;
                if (breached && (!clock.IsBreached || clock.State == ClockState.Met))
                {
                    return false;
                }

                breached |= clock.IsBreached;
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public bool Suspension_NeverShortensTheRepairClock(int ackMinutes, int fromMinutes, int lengthMinutes, int nowMinutes, int classSeed)
    {
        // Interpretation 5: suspended time is excluded; the deadline never moves earlier and no breach appears.
        var ack = M(Math.Abs(ackMinutes % 60));
        var from = ack + M(Math.Abs(fromMinutes % 600));
        var until = from + M(1 + Math.Abs(lengthMinutes % 600));
        var now = T0 + M(Math.Abs(nowMinutes % 3000));
        var locationClass = (LocationClass)(1 + Math.Abs(classSeed % 3));
        var plain = TicketBuilder.Backbone(locationClass).Acknowledged(ack).Build();
        var suspended = TicketBuilder.Backbone(locationClass).Acknowledged(ack).Suspended(from, until).Build();

        var a = SlaClocks.For(plain, Policy, ClockKind.Repair, now)!;
        var b = SlaClocks.For(suspended, Policy, ClockKind.Repair, now)!;
        return b.Deadline >= a.Deadline && b.FractionElapsed <= a.FractionElapsed && (!b.IsBreached || a.IsBreached)
            && b.SuspendedTime >= TimeSpan.Zero;
    }

    [Property(MaxTest = 200)]
    public bool EscalationSteps_AreStrictlyOrderedAndUnique(int[] script, int classSeed, int backdate, int probeMinutes)
    {
        // Interpretation 8: each step happens once per ticket, clock, level and repeat, in ladder order.
        var (ticket, instants) = Play(script, classSeed, backdate);
        var now = instants[^2] + M(Math.Abs(probeMinutes % 3000));
        var ahead = EscalationPlanner.StepsAhead(ticket, Policy, EscalationPolicy.Default, now, 5);
        var due = EscalationPlanner.DueAt(ticket, Policy, EscalationPolicy.Default, now);

        var unique = ahead.Concat(due).Select(s => s.Key).Distinct().Count() == ahead.Count + due.Count;
        var timed = ahead.All(s => s.DueAt > now) && due.All(s => s.DueAt <= now);
        var ordered = ahead.Concat(due).GroupBy(s => s.Clock).All(g =>
        {
            var steps = g.OrderBy(s => s.Level).ThenBy(s => s.Repeat).ToList();
            return steps.Zip(steps.Skip(1)).All(p => p.First.DueAt < p.Second.DueAt);
        });
        var sorted = ahead.Zip(ahead.Skip(1)).All(p => p.First.DueAt <= p.Second.DueAt);
        return unique && timed && ordered && sorted;
    }

    [Property(MaxTest = 100)]
    public bool Rehydrate_ReproducesEveryHistory(int[] script, int classSeed, int backdate)
    {
        var (ticket, instants) = Play(script, classSeed, backdate);
        var copy = FaultTicket.Rehydrate(ticket.Events);
        return copy.State == ticket.State && copy.Version == ticket.Version && copy.RepairedAt == ticket.RepairedAt
            && copy.Suspensions.SequenceEqual(ticket.Suspensions)
            && SlaClocks.Compute(copy, Policy, instants[^1]).SequenceEqual(SlaClocks.Compute(ticket, Policy, instants[^1]));
    }
}
