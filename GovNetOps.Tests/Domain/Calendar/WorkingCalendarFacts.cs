using GovNetOps.Domain.Calendar;

namespace GovNetOps.Tests.Domain.Calendar;

public class WorkingCalendarFacts
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory] // test vectors of /work/shared/reference/cn-workday-calendar.json; start day not counted (民法典 art. 201)
    [InlineData("2024-02-08", 7, "2024-02-23")] // 春节 2024 with make-up days 02-04 / 02-18 (Articles 13, 15: 7 working days)
    [InlineData("2024-09-13", 1, "2024-09-14")] // 2024-09-14 is a make-up Saturday (调休) (Article 6: 1 working day)
    [InlineData("2024-12-31", 1, "2025-01-02")] // across the year boundary; 元旦 off
    [InlineData("2025-01-24", 3, "2025-02-05")] // 春节 2025 (Articles 13, 15: 3 working days)
    [InlineData("2025-09-30", 7, "2025-10-16")] // 国庆 + 中秋 2025
    [InlineData("2026-01-02", 1, "2026-01-04")] // make-up Sunday 2026-01-04
    [InlineData("2026-02-13", 3, "2026-02-25")] // 春节 2026
    [InlineData("2026-04-30", 1, "2026-05-06")] // 劳动节 2026
    [InlineData("2026-09-30", 3, "2026-10-10")] // 国庆 2026, make-up Saturday 10-10
    public void AddWorkingDays_MatchesReferenceVectors(string start, int days, string due)
    {
        var deadline = Cn.AddWorkingDays(D(start), days);

        Assert.Equal(new WorkingDayDeadline(D(due), IsProvisional: false), deadline);
    }

    [Fact]
    public void AddWorkingDays_MatchesEveryVectorInTheShippedFile()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("GovNetOps.Domain.Calendar.cn-workday-calendar.json")!;
        using var doc = System.Text.Json.JsonDocument.Parse(stream);

        foreach (var v in doc.RootElement.GetProperty("testVectors").EnumerateArray())
        {
            var due = Cn.AddWorkingDays(D(v.GetProperty("start").GetString()!), v.GetProperty("workingDays").GetInt32());
            Assert.Equal(D(v.GetProperty("due").GetString()!), due.Due);
        }
    }

    [Theory]
    [InlineData(2024, 251)] // reference yearly totals
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysIn_MatchesReferenceTotals(int year, int expected) =>
        Assert.Equal(expected, Cn.WorkingDaysIn(year));

    [Theory]
    [InlineData("2026-03-02", WorkdayAnswer.Working)]     // an ordinary Monday
    [InlineData("2026-03-07", WorkdayAnswer.NonWorking)]  // an ordinary Saturday
    [InlineData("2026-01-04", WorkdayAnswer.Working)]     // make-up Sunday (调休上班)
    [InlineData("2026-10-01", WorkdayAnswer.NonWorking)]  // 国庆 holiday on a Thursday
    [InlineData("2027-03-01", WorkdayAnswer.Unknown)]     // no 2027 notice: unknown, never assumed Monday–Friday
    [InlineData("2023-12-29", WorkdayAnswer.Unknown)]     // 2023 is not loaded either
    public void IsWorkingDay_AnswersFromNotices(string date, WorkdayAnswer expected) =>
        Assert.Equal(expected, Cn.IsWorkingDay(D(date)));

    [Fact]
    public void AddWorkingDays_IsProvisional_WhenCountEntersUnknownYear()
    {
        var deadline = Cn.AddWorkingDays(D("2026-12-30"), 3); // 12-31 Thu, then 2027 (unknown) counted Mon–Fri

        Assert.True(deadline.IsProvisional);
        Assert.Equal(D("2027-01-04"), deadline.Due); // 2027-01-01 Fri, then Mon 01-04
    }

    [Fact]
    public void AddWorkingDays_ReturnsStart_WhenZeroDays()
    {
        Assert.Equal(new WorkingDayDeadline(D("2026-03-07"), false), Cn.AddWorkingDays(D("2026-03-07"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddWorkingDays(D("2026-03-07"), -1));
    }

    [Fact]
    public void KnownYears_ListsLoadedNotices_AndUnknownYearThrowsForTotals()
    {
        Assert.Equal([2024, 2025, 2026], Cn.KnownYears);
        Assert.True(Cn.IsKnownYear(2025));
        Assert.False(Cn.IsKnownYear(2027));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.WorkingDaysIn(2027));
    }

    [Fact]
    public void FromJson_AddsAYear_AsADataChange()
    {
        const string json = """{"years":[{"year":2027,"days":[{"date":"2027-01-01","off":true,"name":"元旦"},{"date":"2027-01-09","off":false,"name":"假想调休"}]}]}""";

        var calendar = WorkingCalendar.FromJson(json);

        Assert.Equal(WorkdayAnswer.NonWorking, calendar.IsWorkingDay(D("2027-01-01")));
        Assert.Equal(WorkdayAnswer.Working, calendar.IsWorkingDay(D("2027-01-09")));
        Assert.Equal(WorkdayAnswer.Unknown, calendar.IsWorkingDay(D("2026-06-01")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"nope":[]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"01/01/2027","off":true}]}]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[]},{"year":2027,"days":[]}]}""")]
    public void FromJson_Throws_WhenDataMalformed(string json) =>
        Assert.Throws<FormatException>(() => WorkingCalendar.FromJson(json));
}
