using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class SlaClocksFacts
{
    private static readonly SlaPolicy Policy = SlaPolicy.Regulation;

    private static ClockSnapshot Clock(FaultTicket ticket, ClockKind kind, TimeSpan nowAfterReport) =>
        SlaClocks.For(ticket, Policy, kind, T0 + nowAfterReport)!;

    [Theory]
    [InlineData(LocationClass.CountyDirect, 2)] // Article 12: county-direct repair 2 h
    [InlineData(LocationClass.Township, 6)]     // Article 12: township repair 6 h
    [InlineData(LocationClass.CoreRoom, 4)]     // Article 12: core room repair 4 h
    public void Compute_SetsDeadlinesFromReportTime_ForEveryMatrixCell(LocationClass locationClass, int repairHours)
    {
        var ticket = TicketBuilder.Backbone(locationClass).Build();

        var clocks = SlaClocks.Compute(ticket, Policy, T0);

        Assert.Equal([ClockKind.Response, ClockKind.Repair], clocks.Select(c => c.Kind));
        Assert.All(clocks, c => Assert.Equal(T0, c.Start)); // interpretation 1: both start at the report time
        Assert.Equal(T0 + H(1), clocks[0].Deadline);         // Article 12 / interpretation 2: response 1 h
        Assert.Equal(T0 + H(repairHours), clocks[1].Deadline);
        Assert.Equal(H(repairHours), clocks[1].Allowance);
        Assert.All(clocks, c => Assert.Equal(ClockState.Running, c.State));
    }

    [Theory]
    [InlineData(0, 0.0, ClockState.Running, false)]       // at the report instant
    [InlineData(30, 0.5, ClockState.Running, false)]      // half-way
    [InlineData(60, 1.0, ClockState.Running, false)]      // exactly at the deadline: not yet breached (Article 12 "within 1 h")
    [InlineData(90, 1.5, ClockState.Breached, true)]      // overdue and still running (interpretation 6)
    public void Compute_ResponseState_FollowsNow(int minutes, double fraction, ClockState state, bool breached)
    {
        var clock = Clock(TicketBuilder.Backbone().Build(), ClockKind.Response, M(minutes));

        Assert.Equal(state, clock.State);
        Assert.Equal(breached, clock.IsBreached);
        Assert.True(clock.IsRunning);
        Assert.Equal(fraction, clock.FractionElapsed, 6);
        Assert.Equal(minutes <= 60 ? M(60 - minutes) : TimeSpan.Zero, clock.TimeLeft);
        Assert.Equal(minutes > 60 ? M(minutes - 60) : TimeSpan.Zero, clock.Overdue);
    }

    [Theory]
    [InlineData(-1, ClockState.Running, false)] // one tick before the deadline
    [InlineData(0, ClockState.Running, false)]  // exactly at the deadline
    [InlineData(1, ClockState.Breached, true)]  // one tick after: breached (interpretation 6)
    public void Compute_RepairClock_AtDeadlineTicks(int ticks, ClockState state, bool breached)
    {
        var clock = Clock(TicketBuilder.Backbone(LocationClass.Township).Build(), ClockKind.Repair, H(6) + TimeSpan.FromTicks(ticks));

        Assert.Equal(state, clock.State);
        Assert.Equal(breached, clock.IsBreached);
        Assert.Equal(breached ? Tick : TimeSpan.Zero, clock.Overdue);
    }

    [Theory]
    [InlineData(-1, ClockState.Met)]      // acknowledged one tick before the deadline (interpretation 2)
    [InlineData(0, ClockState.Met)]       // acknowledged exactly at the deadline: within 1 h
    [InlineData(1, ClockState.Breached)]  // one tick late: breached for good (interpretation 6)
    public void Compute_ResponseVerdict_WhenAcknowledgedAroundDeadline(int ticks, ClockState state)
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(H(1) + TimeSpan.FromTicks(ticks)).Build();

        var clock = Clock(ticket, ClockKind.Response, H(30));

        Assert.Equal(state, clock.State);
        Assert.Equal(T0 + H(1) + TimeSpan.FromTicks(ticks), clock.StoppedAt);
        Assert.False(clock.IsRunning);
        Assert.True(clock.IsFinal);
    }

    [Theory]
    [InlineData(LocationClass.CountyDirect, 1.5, ClockState.Met)]      // Article 12: repaired within 2 h
    [InlineData(LocationClass.CountyDirect, 2.5, ClockState.Breached)] // late repair stays a breach (interpretation 6)
    [InlineData(LocationClass.Township, 6, ClockState.Met)]            // exactly at 6 h
    [InlineData(LocationClass.CoreRoom, 4.25, ClockState.Breached)]    // Article 12: core room 4 h
    public void Compute_RepairVerdict_WhenMarkedRepaired(LocationClass locationClass, double repairedAfter, ClockState state)
    {
        var ticket = TicketBuilder.Backbone(locationClass).Acknowledged(M(10)).Repaired(H(repairedAfter)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(100));

        Assert.Equal(state, clock.State);
        Assert.Equal(T0 + H(repairedAfter), clock.StoppedAt);
    }

    [Fact]
    public void Compute_RunsFromBackdatedReportTime_WhenLoggedLater()
    {
        // Interpretation 1: report back-dated by 90 min; the response deadline already passed when logged.
        var ticket = TicketBuilder.Backbone().LoggedAfter(M(90)).Build();

        var clocks = SlaClocks.Compute(ticket, Policy, T0 + M(90));

        Assert.Equal(T0, ticket.ReportedAt);
        Assert.Equal(ClockState.Breached, clocks[0].State);
        Assert.Equal(T0 + H(2), clocks[1].Deadline);
        Assert.Equal(0.75, clocks[1].FractionElapsed, 6);
    }

    [Fact]
    public void Compute_ExcludesSuspensionFromRepairOnly()
    {
        // Interpretation 5: suspended 30 min -> repair deadline +30 min; response clock untouched.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(M(30), M(60)).Build();

        var clocks = SlaClocks.Compute(ticket, Policy, T0 + M(90));

        Assert.Equal(T0 + H(1), clocks[0].Deadline);
        Assert.Equal(TimeSpan.Zero, clocks[0].SuspendedTime);
        Assert.Equal(T0 + M(150), clocks[1].Deadline);
        Assert.Equal(M(30), clocks[1].SuspendedTime);
        Assert.Equal(0.5, clocks[1].FractionElapsed, 6);
    }

    [Fact]
    public void Compute_ShowsSuspendedState_WhileSuspensionOpen()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(M(30)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(5));

        Assert.Equal(ClockState.Suspended, clock.State); // interpretation 5: visible, not breached
        Assert.False(clock.IsRunning);
        Assert.False(clock.IsBreached);
        Assert.Equal(M(270), clock.SuspendedTime);
        Assert.Equal(M(90), clock.TimeLeft);             // the remaining allowance is frozen
        Assert.Equal(T0 + H(5) + M(90), clock.Deadline); // provisional: if work resumed now
    }

    [Fact]
    public void Compute_ShiftsDeadline_WhenSuspensionSpansTheDeadline()
    {
        // Suspended at 1 h 30 m until 3 h (the 2 h deadline fell inside): deadline becomes 3 h 30 m.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(M(90), H(3)).Build();

        Assert.Equal(ClockState.Running, Clock(ticket, ClockKind.Repair, H(3) + M(30)).State);
        Assert.Equal(T0 + H(3.5), Clock(ticket, ClockKind.Repair, H(3) + M(30)).Deadline);
        Assert.Equal(ClockState.Breached, Clock(ticket, ClockKind.Repair, H(3.5) + Tick).State);
    }

    [Fact]
    public void Compute_KeepsBreach_WhenSuspendedAfterDeadline()
    {
        // Interpretation 6: suspension approved after the deadline passed does not erase the breach.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(H(3), H(5)).Repaired(H(5.5)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(6));

        Assert.Equal(ClockState.Breached, clock.State);
        Assert.Equal(T0 + H(2), clock.Deadline);
        Assert.Equal(T0 + H(2), clock.BreachedDeadline);
    }

    [Fact]
    public void Compute_Uses48Hours_WhenComplexApprovedBeforeDeadline()
    {
        // Article 12 / interpretation 4: approved complex fault -> report + 48 h.
        var ticket = TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(5)).ComplexApproved(H(1), H(2)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(10));

        Assert.Equal(T0 + H(48), clock.Deadline);
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Null(clock.BreachedDeadline);
    }

    [Theory]
    [InlineData(false)] // no suspension: report + the policy's complex allowance
    [InlineData(true)]  // a 3 h approved suspension moves it by 3 h, as the clock will after the approval
    public void RepairDeadlineIfComplexApproved_IsTheDeadlineTheApprovalThenGives(bool suspended)
    {
        var builder = TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(5));
        if (suspended)
        {
            builder.Suspended(H(1), H(4));
        }

        var requested = builder.Then(TicketTrigger.RequestComplex, H(5), "光缆被挖断").Build();
        var approved = builder.Then(TicketTrigger.ApproveComplex, H(5), null).Build();

        var preview = SlaClocks.RepairDeadlineIfComplexApproved(requested, SlaPolicyBook.Single(Policy), T0 + H(5));

        Assert.Equal(T0 + H(48) + (suspended ? H(3) : TimeSpan.Zero), preview);
        Assert.Equal(Clock(approved, ClockKind.Repair, H(5)).Deadline, preview);
    }

    [Fact]
    public void Compute_KeepsGeneralDeadline_WhileComplexOnlyRequested()
    {
        // Interpretation 4: asking does not stop the clock.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Then(TicketTrigger.RequestComplex, H(1), "光缆被挖断").Build();

        var clock = Clock(ticket, ClockKind.Repair, H(3));

        Assert.Equal(T0 + H(2), clock.Deadline);
        Assert.Equal(ClockState.Breached, clock.State);
    }

    [Fact]
    public void Compute_KeepsOriginalBreach_WhenComplexApprovedAfterOriginalDeadline()
    {
        // Interpretations 4 and 6: the 2 h deadline passed at 2 h; approval at 3 h moves the deadline to 48 h
        // but the breach of the original deadline stays.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).ComplexApproved(H(1), H(3)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(4));

        Assert.Equal(T0 + H(48), clock.Deadline);
        Assert.True(clock.IsBreached);
        Assert.Equal(ClockState.Breached, clock.State);
        Assert.Equal(T0 + H(2), clock.BreachedDeadline);
        Assert.Equal(TimeSpan.Zero, clock.Overdue);
        Assert.Equal(H(44), clock.TimeLeft);
    }

    [Fact]
    public void Compute_BreachesComplexClock_WhenPast48Hours()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).ComplexApproved(H(1), H(1.5)).Repaired(H(49)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(50));

        Assert.Equal(ClockState.Breached, clock.State);
        Assert.Equal(T0 + H(48), clock.BreachedDeadline);
        Assert.Equal(H(1), clock.Overdue);
    }

    [Fact]
    public void Compute_ReopenKeepsOriginalDeadline_AndBreaches_WhenReopenedAfterDeadline()
    {
        // Interpretation 7: repaired in time at 1 h, reopened at 3 h: the repair stamp is cleared, the 2 h deadline stands.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(H(1)).Then(TicketTrigger.Reopen, H(3), "回访仍不通").Build();

        var clock = Clock(ticket, ClockKind.Repair, H(3));

        Assert.Null(ticket.RepairedAt);
        Assert.Equal(T0 + H(2), clock.Deadline);
        Assert.Equal(ClockState.Breached, clock.State);
        Assert.True(clock.IsRunning);
        Assert.Equal(ClockState.Met, Clock(ticket, ClockKind.Repair, H(2)).State); // as it stood before the reopen
    }

    [Fact]
    public void Compute_ReopenWithinDeadline_RunsAgainstOriginalDeadline()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(30)).Then(TicketTrigger.Reopen, M(45), "仍不通")
            .Repaired(M(100)).Build();

        var clock = Clock(ticket, ClockKind.Repair, H(3));

        Assert.Equal(T0 + H(2), clock.Deadline);
        Assert.Equal(ClockState.Met, clock.State);
        Assert.Equal(T0 + M(100), clock.StoppedAt);
    }

    [Theory]
    [InlineData(30, ClockState.Stopped, ClockState.Stopped)]   // cancelled before any verdict
    [InlineData(90, ClockState.Breached, ClockState.Stopped)]  // response deadline had already passed: the breach stays
    public void Compute_StopsClocks_WhenCancelled(int cancelledAfterMinutes, ClockState response, ClockState repair)
    {
        var ticket = TicketBuilder.Backbone().Then(TicketTrigger.Cancel, M(cancelledAfterMinutes), "重复申告").Build();

        var clocks = SlaClocks.Compute(ticket, Policy, T0 + H(10));

        Assert.Equal(response, clocks[0].State);
        Assert.Equal(repair, clocks[1].State);
        Assert.All(clocks, c => Assert.Equal(T0 + M(cancelledAfterMinutes), c.StoppedAt));
        Assert.All(clocks, c => Assert.False(c.IsRunning));
    }

    [Fact]
    public void Compute_ClosesOpenSuspension_WhenCancelledWhileSuspended()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(30)).Then(TicketTrigger.Cancel, H(1), "重复").Build();

        var clock = Clock(ticket, ClockKind.Repair, H(10));

        Assert.Equal(ClockState.Stopped, clock.State);
        Assert.Equal(M(30), clock.SuspendedTime);
    }

    [Fact]
    public void Compute_ReturnsNoClocks_ForLanScope()
    {
        // Article 11: a unit's own LAN fault carries no carrier clocks.
        var ticket = new TicketBuilder().Lan().Build();

        Assert.Empty(SlaClocks.Compute(ticket, Policy, T0 + H(100)));
        Assert.Null(SlaClocks.For(ticket, Policy, ClockKind.Repair, T0));
        Assert.False(ticket.HasCarrierClocks);
    }

    [Fact]
    public void Compute_IgnoresEventsAfterNow()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(30)).Build();

        Assert.Equal(ClockState.Running, Clock(ticket, ClockKind.Response, M(20)).State);
        Assert.Null(Clock(ticket, ClockKind.Response, M(20)).StoppedAt);
        Assert.Equal(H(1), Clock(ticket, ClockKind.Response, -M(20)).TimeLeft); // before the report: nothing elapsed
    }

    [Fact]
    public void Compute_Throws_WhenPolicyIsNotTheTicketsVersion()
    {
        // A later matrix never silently moves an open ticket's deadline.
        var ticket = TicketBuilder.Backbone().Build();
        var v2 = new SlaPolicy { Version = 2, RepairCountyDirect = H(3) };

        Assert.Throws<ArgumentException>(() => SlaClocks.Compute(ticket, v2, T0));
    }

    [Fact]
    public void Compute_UsesTicketsVersion_WhenGivenTheBook()
    {
        var v2 = new SlaPolicy { Version = 2, EffectiveFrom = T0 - H(1), RepairCountyDirect = H(3) };
        var book = new SlaPolicyBook([SlaPolicy.Regulation, v2]);
        var old = TicketBuilder.Backbone().Policy(1).Build();
        var current = TicketBuilder.Backbone().Policy(book.CurrentAt(T0).Version).Build();

        Assert.Equal(T0 + H(2), SlaClocks.Compute(old, book, T0)[1].Deadline);
        Assert.Equal(T0 + H(3), SlaClocks.Compute(current, book, T0)[1].Deadline);
    }

    [Theory]
    [InlineData(50, 80, ClockState.Met, false)]       // interpretation 9: called inside the hour, logged after the deadline: met
    [InlineData(60, 61, ClockState.Met, false)]       // called exactly at the deadline: met (Article 12 "within 1 h")
    [InlineData(70, 75, ClockState.Breached, true)]   // called after the deadline: breached, however soon it was logged
    public void Compute_ResponseStopsAtTheCallTime_ForAPhonedAcknowledgement(int callMinutes, int loggedMinutes, ClockState state, bool breached)
    {
        var ticket = TicketBuilder.Backbone().PhonedAcknowledgement(M(callMinutes), M(loggedMinutes)).Build();

        var clock = Clock(ticket, ClockKind.Response, H(3));

        Assert.Equal((state, breached), (clock.State, clock.IsBreached));
        Assert.Equal(T0 + M(callMinutes), clock.StoppedAt);
        Assert.Equal(callMinutes > 60 ? M(callMinutes - 60) : TimeSpan.Zero, clock.Overdue);
    }

    [Theory]
    [InlineData(40, ClockState.Running, null)]   // before the call: running
    [InlineData(49, ClockState.Running, null)]   // after the call but before it was logged: still running, as it stood then
    [InlineData(50, ClockState.Met, 35)]         // from the moment it was logged: met at the call time
    [InlineData(180, ClockState.Met, 35)]
    public void Compute_ResponseIsMetAtTheCallTime_OnlyFromWhenTheCallWasLogged(int nowMinutes, ClockState state, int? stoppedMinutes)
    {
        // Report 09:00, deadline 10:00; the carrier phoned at 09:35 and ops logged it at 09:50.
        var ticket = TicketBuilder.Backbone().PhonedAcknowledgement(M(35), M(50)).Build();

        var clock = Clock(ticket, ClockKind.Response, M(nowMinutes));

        Assert.Equal(state, clock.State);
        Assert.Equal(stoppedMinutes is { } m ? T0 + M(m) : null, clock.StoppedAt);
        Assert.False(clock.IsBreached);
    }

    [Fact]
    public void Compute_ResponseLooksBreachedUntilTheCallIsLogged_WhenLoggedAfterTheDeadline()
    {
        // Called at 09:50, logged at 10:20: at 10:10 nobody knew of the call and the clock was overdue;
        // from 10:20 on, the recorded call shows the response was in time.
        var ticket = TicketBuilder.Backbone().PhonedAcknowledgement(M(50), M(80)).Build();

        Assert.Equal(ClockState.Breached, Clock(ticket, ClockKind.Response, M(70)).State);
        Assert.Equal(ClockState.Met, Clock(ticket, ClockKind.Response, M(80)).State);
    }
}
