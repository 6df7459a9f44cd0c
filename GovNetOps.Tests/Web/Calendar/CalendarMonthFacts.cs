using Bunit;
using GovNetOps.Domain.Calendar;
using GovNetOps.Web.Features.Calendar;

namespace GovNetOps.Tests.Web.Calendar;

public class CalendarMonthFacts : BunitTestContext
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();

    private string MarkOf(int year, int month, string date) =>
        Render<CalendarMonth>(p => p.Add(c => c.Calendar, Cn).Add(c => c.Year, year).Add(c => c.Month, month))
            .Find($"[data-date='{date}']").GetAttribute("data-mark")!;

    [Theory]
    [InlineData(2026, 10, "2026-10-01", "holiday")]  // 国庆 on a Thursday
    [InlineData(2026, 10, "2026-10-03", "holiday")]  // a Saturday inside the holiday block
    [InlineData(2026, 10, "2026-10-10", "makeup")]   // 调休 Saturday
    [InlineData(2026, 10, "2026-10-17", "weekend")]  // an ordinary Saturday
    [InlineData(2026, 10, "2026-10-12", "working")]
    [InlineData(2027, 1, "2027-01-01", "holiday")]   // 元旦 even before the 2027 notice
    [InlineData(2027, 1, "2027-01-04", "unknown")]   // the rest of an unentered year is never shown as a plain workday
    public void Day_IsMarkedAsTheCalendarSays(int year, int month, string date, string mark) =>
        Assert.Equal(mark, MarkOf(year, month, date));

    [Fact]
    public void Month_StartsOnMonday_AndLabelsHolidayAndMakeUpDays()
    {
        var cut = Render<CalendarMonth>(p => p.Add(c => c.Calendar, Cn).Add(c => c.Year, 2026).Add(c => c.Month, 10));

        Assert.Equal(3, cut.FindAll(".cal-blank").Count); // 2026-10-01 is a Thursday
        Assert.Equal(31, cut.FindAll(".cal-day").Count);
        Assert.Equal("国庆节", cut.Find("[data-date='2026-10-01']").GetAttribute("title"));
        Assert.Equal("休", cut.Find("[data-date='2026-10-01'] .cal-tag").TextContent);
        Assert.Equal("班", cut.Find("[data-date='2026-10-10'] .cal-tag").TextContent);
    }
}
