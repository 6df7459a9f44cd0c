using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;

namespace GovNetOps.Tests.Domain.Applications;

public class ApplicationClocksFacts
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Cst(string iso, int hour = 10) => ChinaTime.At(D(iso), new TimeOnly(hour, 0));

    [Theory] // 3 working days of review (Article 13 (二), Article 15); the day of receipt is not counted
    [InlineData("2026-09-30", "2026-10-10")] // 国庆 2026: Oct 1–7 off; Oct 8, 9 and the make-up Saturday Oct 10
    [InlineData("2026-10-03", "2026-10-10")] // received on a holiday: counts from Oct 8, the next working day (day 1)
    [InlineData("2026-02-13", "2026-02-25")] // 春节 2026: the make-up Saturday Feb 14, then Feb 24, 25
    [InlineData("2026-02-18", "2026-02-26")] // received inside the Spring Festival block: Feb 24 is day 1
    [InlineData("2026-05-08", "2026-05-12")] // the make-up Saturday May 9 is working day 1
    [InlineData("2026-05-09", "2026-05-13")] // received on the make-up Saturday itself: a working day, not counted
    [InlineData("2026-11-07", "2026-11-11")] // an ordinary Saturday: Monday Nov 9 is day 1
    public void Review_DeadlineIsEndOfThirdWorkingDay_AcrossHolidaysAndMakeUpDays(string received, string due)
    {
        var clock = ApplicationClocks.Review(Cn, Cst(received), decidedAt: null);

        Assert.Equal(D(due), clock.Due);
        Assert.Equal(ChinaTime.StartOfDayUtc(D(due).AddDays(1)), clock.DeadlineAt); // 24:00 China time on the due day
        Assert.False(clock.IsProvisional);
        Assert.Equal(ApplicationClockState.Running, clock.State);
    }

    [Theory] // 7 working days of implementation from approval
    [InlineData("2026-09-30", "2026-10-15")] // 国庆: Oct 8, 9, 10 (make-up Sat), 12, 13, 14, 15
    [InlineData("2026-02-13", "2026-03-02")] // 春节: Feb 14 (make-up), 24, 25, 26, 27, 28 (make-up Sat), Mar 2
    [InlineData("2026-04-30", "2026-05-13")] // 劳动节 May 1–5 off: May 6, 7, 8, 9 (make-up Sat), 11, 12, 13
    public void Implementation_DeadlineIsEndOfSeventhWorkingDay_AcrossHolidaysAndMakeUpDays(string approved, string due)
    {
        var clock = ApplicationClocks.Implementation(Cn, Cst(approved), [], completedAt: null);

        Assert.Equal(D(due), clock.Due);
        Assert.False(clock.IsProvisional);
    }

    [Fact]
    public void Review_IsProvisional_WhenCountedInAYearWithoutNotice()
    {
        // 2027's State Council notice is not entered: Monday–Friday assumed, shown as provisional.
        var clock = ApplicationClocks.Review(Cn, Cst("2027-01-08"), decidedAt: null);

        Assert.Equal(D("2027-01-13"), clock.Due);
        Assert.True(clock.IsProvisional);
    }

    [Fact]
    public void Implementation_StandsStillWhilePaused_AndResumesWithTheDaysLeft()
    {
        var approved = Cst("2026-11-02"); // Monday; due Nov 11 without a pause
        var pausedOn = Cst("2026-11-05"); // Thursday: Nov 3 and 4 used, 5 working days left
        var paused = ApplicationClocks.Implementation(Cn, approved, [new ApplicationPause(pausedOn, null, "机房未装修完毕")], null);

        Assert.Equal(ApplicationClockState.Paused, paused.State);
        Assert.Null(paused.DeadlineAt);
        Assert.Equal(5, paused.WorkingDaysLeft);
        Assert.Empty(ApplicationClocks.Steps(paused, approved));

        var resumed = ApplicationClocks.Implementation(Cn, approved, [new ApplicationPause(pausedOn, Cst("2026-11-10"), "机房未装修完毕")], null);

        Assert.Equal(ApplicationClockState.Running, resumed.State);
        Assert.Equal(D("2026-11-17"), resumed.Due); // Nov 11, 12, 13, 16, 17
    }

    [Fact]
    public void Implementation_IsProvisional_WhenResumedIntoAYearWithoutNotice()
    {
        var approved = Cst("2026-12-21");
        var clock = ApplicationClocks.Implementation(Cn, approved,
            [new ApplicationPause(Cst("2026-12-22"), Cst("2027-01-11"), "单位搬迁未完成")], null);

        Assert.Equal(D("2027-01-20"), clock.Due); // all 7 days left: Jan 12–15, 18–20 (2027 counted Monday–Friday)
        Assert.True(clock.IsProvisional);
    }

    [Fact]
    public void Steps_AreNineOClockOnTheDueDayAndTheDeadline_WhenRunning()
    {
        var received = Cst("2026-11-02", 15);
        var clock = ApplicationClocks.Review(Cn, received, null);

        var steps = ApplicationClocks.Steps(clock, received);

        Assert.Equal(
            [
                new ReminderStep(ApplicationClockKind.Review, ReminderLevel.DueToday, new DateTimeOffset(2026, 11, 5, 1, 0, 0, TimeSpan.Zero)),
                new ReminderStep(ApplicationClockKind.Review, ReminderLevel.Overdue, new DateTimeOffset(2026, 11, 5, 16, 0, 0, TimeSpan.Zero)),
            ],
            steps);
    }

    [Fact]
    public void Steps_AreNone_WhenTheClockStopped()
    {
        var received = Cst("2026-11-02");
        var clock = ApplicationClocks.Review(Cn, received, decidedAt: Cst("2026-11-03"));

        Assert.Empty(ApplicationClocks.Steps(clock, received));
        Assert.False(clock.IsOverdueAt(Cst("2026-12-01")));
    }
}
