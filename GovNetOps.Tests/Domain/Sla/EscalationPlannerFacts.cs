using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class EscalationPlannerFacts
{
    private static readonly SlaPolicy Policy = SlaPolicy.Regulation;
    private static readonly EscalationPolicy Ladder = EscalationPolicy.Default;

    private static string Describe(EscalationStep s) => $"{s.Clock}:{s.Level}:{s.Repeat}@{(s.DueAt - T0).TotalMinutes}";

    [Fact]
    public void StepsAhead_ListsEveryInstant_ForFreshCountyDirectTicket()
    {
        // Interpretation 8 on Article 12 clocks: response 1 h, county-direct repair 2 h.
        var steps = EscalationPlanner.StepsAhead(TicketBuilder.Backbone().Build(), Policy, Ladder, T0, maxRenotify: 1);

        Assert.Equal(
            [
                "Response:Reminder:0@30",   // 50 % of 1 h: remind the carrier
                "Response:Warning:0@48",    // 80 %
                "Response:Breach:0@60",     // 100 %: breach
                "Repair:Reminder:0@60",     // 50 % of 2 h
                "Repair:Warning:0@96",      // 80 % of 2 h
                "Repair:Breach:0@120",
                "Response:Renotify:1@180",  // every 2 h while overdue
                "Repair:Renotify:1@240",
            ],
            steps.Select(Describe));
        Assert.Equal(RecipientGroup.CarrierEngineers, steps[0].Recipients);
    }

    [Theory]
    [InlineData(LocationClass.Township, 180, 288, 360)]  // Article 12: 6 h -> 3 h, 4 h 48 m, 6 h
    [InlineData(LocationClass.CoreRoom, 120, 192, 240)]  // Article 12: 4 h -> 2 h, 3 h 12 m, 4 h
    public void StepsAhead_ScalesWithRepairLimit_ForEachLocationClass(LocationClass locationClass, int reminder, int warning, int breach)
    {
        var ticket = TicketBuilder.Backbone(locationClass).Acknowledged(M(5)).Build();

        var repair = EscalationPlanner.StepsAhead(ticket, Policy, Ladder, T0 + M(5), 0);

        Assert.Equal([$"Repair:Reminder:0@{reminder}", $"Repair:Warning:0@{warning}", $"Repair:Breach:0@{breach}"], repair.Select(Describe));
    }

    [Fact]
    public void StepsAhead_DefaultsToThreeRenotifications_AndSkipsStepsAlreadyPast()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Build();

        var steps = EscalationPlanner.StepsAhead(ticket, Policy, Ladder, T0 + H(5));

        Assert.Equal(["Repair:Renotify:2@360", "Repair:Renotify:3@480", "Repair:Renotify:4@600"], steps.Select(Describe));
    }

    [Fact]
    public void StepsAhead_ShiftsRepairInstants_BySuspensionSoFar()
    {
        // Interpretation 5: suspended since 30 min; instants are provisional "if resumed now".
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(30)).Build();

        var steps = EscalationPlanner.StepsAhead(ticket, Policy, Ladder, T0 + H(1), 0);

        Assert.Equal(["Repair:Reminder:0@90", "Repair:Warning:0@126", "Repair:Breach:0@150"], steps.Select(Describe));
        Assert.Empty(EscalationPlanner.DueAt(ticket, Policy, Ladder, T0 + H(10))); // while suspended no repair step is due
    }

    [Fact]
    public void StepsAhead_UsesComplexAllowance_OnceApproved()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).ComplexApproved(M(10), M(20)).Build();

        var steps = EscalationPlanner.StepsAhead(ticket, Policy, Ladder, T0 + M(20), 0);

        Assert.Equal(["Repair:Reminder:0@1440", "Repair:Warning:0@2304", "Repair:Breach:0@2880"], steps.Select(Describe)); // 48 h ladder
    }

    [Theory]
    [InlineData(29, new string[0])]                                                  // before 50 %
    [InlineData(30, new[] { "Response:Reminder:0@30" })]                             // exactly at 50 %
    [InlineData(50, new[] { "Response:Reminder:0@30", "Response:Warning:0@48" })]
    [InlineData(210, new[] { "Response:Reminder:0@30", "Response:Warning:0@48", "Response:Breach:0@60", "Repair:Reminder:0@60", "Repair:Warning:0@96", "Repair:Breach:0@120", "Response:Renotify:1@180" })]
    [InlineData(540, new[] { "Response:Reminder:0@30", "Response:Warning:0@48", "Response:Breach:0@60", "Repair:Reminder:0@60", "Repair:Warning:0@96", "Repair:Breach:0@120", "Repair:Renotify:3@480", "Response:Renotify:4@540" })] // only the latest re-notification
    public void DueAt_ListsReachedSteps_ForUnacknowledgedTicket(int minutes, string[] expected)
    {
        var due = EscalationPlanner.DueAt(TicketBuilder.Backbone().Build(), Policy, Ladder, T0 + M(minutes));

        Assert.Equal(expected, due.Select(Describe));
    }

    [Fact]
    public void DueAt_ReturnsNothing_WhenClocksStopped()
    {
        // Met clocks and a breached-then-repaired clock have no more steps; LAN tickets never have any.
        var late = TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(H(3)).Build();
        var lan = new TicketBuilder().Lan().Build();

        Assert.Empty(EscalationPlanner.DueAt(late, Policy, Ladder, T0 + H(20)));
        Assert.Empty(EscalationPlanner.StepsAhead(late, Policy, Ladder, T0 + H(20)));
        Assert.Empty(EscalationPlanner.DueAt(lan, Policy, Ladder, T0 + H(20)));
    }

    [Fact]
    public void Key_IdentifiesTicketClockLevelAndRepeat()
    {
        var id = new Guid("11111111-2222-3333-4444-555555555555");
        var step = new EscalationStep(id, ClockKind.Repair, EscalationLevel.Renotify, 2, T0, RecipientGroup.Leadership);

        Assert.Equal("11111111-2222-3333-4444-555555555555:Repair:Renotify:2", step.Key);
    }

    [Fact]
    public void StepsAhead_Throws_WhenMaxRenotifyNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationPlanner.StepsAhead(TicketBuilder.Backbone().Build(), Policy, Ladder, T0, -1));
}
