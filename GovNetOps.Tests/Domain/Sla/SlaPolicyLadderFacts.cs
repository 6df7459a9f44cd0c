using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

/// <summary>The escalation ladder is part of an SLA policy version (interpretation 8): a ticket escalates on the ladder of
/// the version in force at its report time, and a new version's ladder is checked with the field named in Chinese.</summary>
public class SlaPolicyLadderFacts
{
    private static readonly SlaPolicy V1 = SlaPolicy.Regulation;

    // Version 2, effective 1 h after T0: remind at 40 %, warn at 70 %, re-notify every hour.
    private static readonly SlaPolicy V2 = new()
    {
        Version = 2,
        EffectiveFrom = T0 + H(1),
        Escalation = Ladder(0.4, 0.7, 1.0, H(1)),
    };

    private static EscalationPolicy Ladder(double reminder, double warning, double breach, TimeSpan renotify) => new()
    {
        Rules =
        [
            new() { Level = EscalationLevel.Reminder, Fraction = reminder, Recipients = RecipientGroup.CarrierEngineers },
            new() { Level = EscalationLevel.Warning, Fraction = warning, Recipients = RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager },
            new() { Level = EscalationLevel.Breach, Fraction = breach, Recipients = RecipientGroup.Leadership },
        ],
        RenotifyEvery = renotify,
    };

    private static string Describe(EscalationStep s) => $"{s.Clock}:{s.Level}:{s.Repeat}@{(s.DueAt - T0).TotalMinutes}";

    private static IEnumerable<string> ResponseSteps(FaultTicket ticket, SlaPolicyBook book, DateTimeOffset now) =>
        EscalationPlanner.StepsAhead(ticket, book.ForVersion(ticket.PolicyVersion), now, maxRenotify: 1)
            .Where(s => s.Clock == ClockKind.Response).Select(Describe);

    [Fact]
    public void StepsAhead_KeepsTheLadderOfTheTicketsVersion_WhenALaterVersionChangesIt()
    {
        var book = SlaPolicyBook.Single(V1);
        var before = TicketBuilder.Backbone().Build(); // reported at T0 under version 1

        Assert.True(book.CanAdd(V2, T0).IsSuccess);
        Assert.True(book.TryAdd(V2));
        var after = TicketBuilder.Backbone().Policy(2).ReportedAt(T0 + H(2)).Build();

        // Version 1's 50 / 80 / 100 % and 2 h, unchanged by version 2.
        Assert.Equal(["Response:Reminder:0@30", "Response:Warning:0@48", "Response:Breach:0@60", "Response:Renotify:1@180"],
            ResponseSteps(before, book, T0));
        Assert.Equal(0.8, book.ForVersion(before.PolicyVersion).Escalation.WarningFraction);
        // Version 2's 40 / 70 / 100 % and 1 h, for the ticket reported after it took effect.
        Assert.Equal(2, book.CurrentAt(T0 + H(2)).Version);
        Assert.Equal(["Response:Reminder:0@144", "Response:Warning:0@162", "Response:Breach:0@180", "Response:Renotify:1@240"],
            ResponseSteps(after, book, T0 + H(2)));
        Assert.Equal(0.7, book.ForVersion(after.PolicyVersion).Escalation.WarningFraction);
    }

    [Fact]
    public void WithEscalation_CopiesTheCells_AndLeavesTheOriginalAlone()
    {
        var ladder = Ladder(0.4, 0.7, 1.0, H(1));

        var copy = V1.WithEscalation(ladder);

        Assert.Same(ladder, copy.Escalation);
        Assert.Equal(SlaPolicyFingerprint.Of(V1).Cells, SlaPolicyFingerprint.Of(copy).Cells);
        Assert.Equal(0.8, V1.Escalation.WarningFraction);
    }

    public static TheoryData<EscalationPolicy, string> BadLadders => new()
    {
        { Ladder(0, 0.8, 1.0, H(2)), "提醒比例：须为大于 0 的百分比（现为 0 %）。" },
        { Ladder(double.NaN, 0.8, 1.0, H(2)), "提醒比例：须为大于 0 的百分比（现为 NaN）。" },
        { Ladder(0.5, 0.8, 0.9, H(2)), "超时比例：须为 100 %（现为 90 %），时限用尽即超时。" },
        // Strictly ascending: the same share twice is refused, naming the higher rung.
        { Ladder(0.5, 0.5, 1.0, H(2)), "预警比例：须高于提醒比例（现为 50 %，提醒比例为 50 %）。" },
        { Ladder(0.6, 0.4, 1.0, H(2)), "预警比例：须高于提醒比例（现为 40 %，提醒比例为 60 %）。" },
        // A rung at or above the breach: the rung that went too high is named, not the breach.
        { Ladder(0.5, 1.2, 1.0, H(2)), "预警比例：须低于超时比例 100 %（现为 120 %）。" },
        { Ladder(0.5, 0.8, 1.0, TimeSpan.Zero), "重复通知间隔：须大于 0 且不超过 720 小时。" },
        { Ladder(0.5, 0.8, 1.0, H(721)), "重复通知间隔：须大于 0 且不超过 720 小时。" },
    };

    [Theory]
    [MemberData(nameof(BadLadders))]
    public void CanAdd_RefusesABadLadder_NamingTheField(EscalationPolicy ladder, string expected)
    {
        var book = SlaPolicyBook.Single(V1);
        var policy = new SlaPolicy { Version = 2, EffectiveFrom = T0, Escalation = ladder };

        var result = book.CanAdd(policy, T0);

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Check_UsesTheSameRulesAsValidate()
    {
        var bad = Ladder(0.5, 0.5, 1.0, H(2));

        Assert.Equal(["Escalation:Rules Warning must come at a higher fraction than Reminder"], bad.Validate());
        Assert.False(bad.Check().IsSuccess);
        Assert.True(Ladder(0.4, 0.7, 1.0, H(1)).Check().IsSuccess);
        Assert.True(EscalationPolicy.Default.Check().IsSuccess);
    }
}
