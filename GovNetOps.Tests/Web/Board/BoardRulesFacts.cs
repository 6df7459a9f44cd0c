using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Domain;
using GovNetOps.Web.Features.Board;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Web.Board;

public sealed class BoardRulesFacts
{
    // The board's site cell: the county prefix and a township government's "人民政府" go; the title keeps the whole name.
    [Theory]
    [InlineData("城关镇人民政府", "城关镇")]
    [InlineData("桐柏县城郊乡人民政府", "城郊乡")]
    [InlineData("桐柏县人民政府办公室", "人民政府办公室")]
    [InlineData("桐柏县人民政府", "人民政府")]
    [InlineData("桐柏县电子政务外网核心机房", "电子政务外网核心机房")]
    [InlineData("桐柏县", "桐柏县")]
    public void ShortSiteName_DropsWhatEveryRowWouldRepeat(string name, string shown) =>
        Assert.Equal(shown, BoardRowView.ShortSiteName(name));

    // Unacknowledged county-direct fault reported at T0: the response clock governs (1 h, warning at 48 min).
    [Theory]
    [InlineData(0, ClockColour.OnTrack)]
    [InlineData(48 * 60 - 1, ClockColour.OnTrack)] // one second before 80 %
    [InlineData(48 * 60, ClockColour.Warning)]     // exactly 80 %: warning
    [InlineData(60 * 60, ClockColour.Warning)]     // exactly at the deadline: not yet breached (like SlaClocks)
    [InlineData(60 * 60 + 1, ClockColour.Breached)] // one second past it
    public void StateAt_FollowsTheResponseClock_WhenNotAcknowledged(int secondsAfterReport, ClockColour expected)
    {
        var row = BoardSamples.Row(TicketBuilder.Backbone(), "GZ-1", T0);

        Assert.Equal(ClockKind.Response, row.Clock);
        Assert.Equal(expected, BoardRules.StateAt(row, T0.AddSeconds(secondsAfterReport)));
    }

    [Fact]
    public void RowFor_GovernsByTheRepairClock_WhenAcknowledged()
    {
        var row = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(10)), "GZ-1", T0 + M(20));

        Assert.Equal(ClockKind.Repair, row.Clock);
        Assert.Equal(T0 + H(2), row.Deadline);
        Assert.Equal(T0 + M(96), row.WarningAt); // 80 % of 2 h
        Assert.Equal(ClockColour.Warning, BoardRules.StateAt(row, T0 + M(96)));
    }

    [Fact]
    public void RowFor_ShiftsTheWarningBySuspendedTime()
    {
        // Suspended from 30 to 90 min: deadline and warning move one hour later.
        var row = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(M(30), M(90)), "GZ-1", T0 + M(100));

        Assert.Equal(T0 + H(3), row.Deadline);
        Assert.Equal(T0 + M(156), row.WarningAt);
    }

    [Fact]
    public void RowFor_FreezesTimeLeft_WhileSuspended()
    {
        var row = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(10)).Suspended(M(30)), "GZ-1", T0 + M(45));

        Assert.Null(row.Deadline);
        Assert.Equal(M(90), row.PausedLeft); // 2 h minus the 30 min counted before the suspension
        Assert.Equal(ClockColour.Paused, BoardRules.StateAt(row, T0 + H(10)));
        Assert.Equal(M(90), BoardRules.TimeLeft(row, T0 + H(10)));
    }

    [Fact]
    public void StateAt_StaysBreached_AfterALateAcknowledgement()
    {
        // Interpretation 6: the response breach is permanent even though the repair clock is on track.
        var row = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(70)), "GZ-1", T0 + M(75));

        Assert.Equal(ClockKind.Repair, row.Clock);
        Assert.True(row.ResponseBreached);
        Assert.Equal(ClockColour.Breached, BoardRules.StateAt(row, T0 + M(75)));
    }

    [Fact]
    public void RowFor_IsNull_ForLanFaults()
    {
        Assert.Null(BoardSamples.RowOrNull(TicketBuilder.Backbone().Lan().Build(), T0));
    }

    [Fact]
    public void StateAt_IsStopped_WhenRepairedInTime()
    {
        var row = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(10)).Repaired(M(60)), "GZ-1", T0 + M(61));

        Assert.Null(BoardRules.TimeLeft(row, T0 + H(5)));
        Assert.Equal(ClockColour.Stopped, BoardRules.StateAt(row, T0 + H(5)));
    }

    [Fact]
    public void Order_PutsTheMostOverdueFirst_ThenLeastTimeLeft_PausedByFrozenTime_StoppedLast()
    {
        var now = T0 + M(70);
        var overdue = BoardSamples.Row(TicketBuilder.Backbone(), "overdue", now, 1);                                   // response overdue 10 min
        var township = BoardSamples.Row(TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(5)), "township", now, 2); // 4 h 50 left
        var county = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)), "county", now, 3);                   // 50 min left
        var paused = BoardSamples.Row(TicketBuilder.Backbone(LocationClass.CoreRoom).Acknowledged(M(5)).Suspended(M(10)), "paused", now, 4); // 3 h 50 frozen
        var repaired = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(30)), "repaired", now, 5);

        var ordered = BoardRules.Order([repaired, township, paused, county, overdue], now);

        Assert.Equal(["overdue", "county", "paused", "township", "repaired"], ordered.Select(r => r.Number));
    }

    [Fact]
    public void Position_OfARunningClock_IsItsDeadline_SoItDoesNotChangeBetweenRenders()
    {
        var county = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)), "county", T0 + M(10), 1);     // repair due T0+2h
        var paused = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)), "paused", T0 + M(10), 2);
        var repaired = BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(30)), "repaired", T0 + M(40), 3);

        // Rendered a minute apart, the running row keeps its CSS order; only a suspended row's moves with time.
        Assert.Equal(BoardRules.Position(county, T0 + M(20)), BoardRules.Position(county, T0 + M(21)));
        Assert.Equal(BoardRules.Position(paused, T0 + M(20)) + 60, BoardRules.Position(paused, T0 + M(21)));
        Assert.Equal(int.MaxValue, BoardRules.Position(repaired, T0 + M(40)));
    }

    [Fact]
    public void Order_IsCssOrderThenReportOrder()
    {
        var now = T0 + M(70);
        // Deadlines in the same second: the older report comes first (CSS order ties fall back to page order),
        // even where its deadline is 300 ms later.
        var row = BoardSamples.Row(TicketBuilder.Backbone(), "row", now, 1);
        var earlier = row with { Number = "earlier", Response = row.Response! with { Deadline = T0 + H(1) + TimeSpan.FromMilliseconds(600) } };
        var later = row with { TicketId = Guid.NewGuid(), Number = "later", ReportedAt = T0 + TimeSpan.FromMilliseconds(400), Response = row.Response! with { Deadline = T0 + H(1) + TimeSpan.FromMilliseconds(300) } };

        Assert.Equal(BoardRules.Position(later, now), BoardRules.Position(earlier, now));
        Assert.Equal(["earlier", "later"], BoardRules.Order([later, earlier], now).Select(r => r.Number));
        Assert.Equal(["earlier", "later"], BoardRules.InReportOrder([later, earlier]).Select(r => r.Number));
    }

    [Fact]
    public void Count_AddsRowsThatRanOutSinceTheSnapshot_ToTodaysBreaches()
    {
        var takenAt = T0 + M(30);
        var snapshot = new BoardSnapshot(1, takenAt,
        [
            BoardSamples.Row(TicketBuilder.Backbone(), "a", takenAt, 1),                              // response due T0+1h
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)), "b", takenAt, 2),          // repair due T0+2h, warning T0+96m
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)), "c", takenAt, 3),
        ], 2, [], []);

        Assert.Equal(new BoardCounts(3, 0, 0, 2), BoardRules.Count(snapshot, takenAt));
        Assert.Equal(new BoardCounts(3, 1, 0, 2), BoardRules.Count(snapshot, T0 + M(50)));
        Assert.Equal(new BoardCounts(3, 1, 1, 3), BoardRules.Count(snapshot, T0 + M(100)));
        Assert.Equal(new BoardCounts(3, 0, 2, 4), BoardRules.Count(snapshot, T0 + H(3)));
    }

    [Fact]
    public void Count_LeavesTodaysBreachesToTheServer_OnANewChinaDay()
    {
        var takenAt = T0 + M(30);
        var snapshot = new BoardSnapshot(1, takenAt, [BoardSamples.Row(TicketBuilder.Backbone(), "a", takenAt)], 5, [], []);

        Assert.Equal(5, BoardRules.Count(snapshot, T0 + H(20)).BreachedToday); // T0 is 09:00 CST; +20 h is the next day
    }

    [Fact]
    public void NextThreshold_IsTheNextWarningOrDeadline_OrChinaMidnight()
    {
        var row = BoardSamples.Row(TicketBuilder.Backbone(), "a", T0);
        var midnight = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(T0).AddDays(1));

        Assert.Equal(T0 + M(48), BoardRules.NextThreshold([row], T0));
        Assert.Equal(T0 + H(1) + Tick, BoardRules.NextThreshold([row], T0 + M(48)));
        Assert.Equal(midnight, BoardRules.NextThreshold([row], T0 + H(2)));
        Assert.Equal(midnight, BoardRules.NextThreshold([], T0));
    }

    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(59.9, "0:00:59")]
    [InlineData(-75, "0:01:15")]               // overdue: the sign is shown as a word, not a minus
    [InlineData(48 * 3600 - 31, "47:59:29")]   // complex faults run 48 h: hours do not fold into days
    public void Clock_FormatsHoursMinutesSeconds(double seconds, string expected)
    {
        Assert.Equal(expected, BoardRules.Clock(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void WarningFraction_ComesFromTheConfiguredLadder()
    {
        var policy = new EscalationPolicy
        {
            Rules =
            [
                new() { Level = EscalationLevel.Warning, Fraction = 0.7, Recipients = RecipientGroup.OpsDutyOfficer },
                new() { Level = EscalationLevel.Breach, Fraction = 1.0, Recipients = RecipientGroup.Leadership },
            ],
        };

        Assert.Equal(0.8, EscalationPolicy.Default.WarningFraction);
        Assert.Equal(0.7, policy.WarningFraction);
    }
}
