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
    [InlineData("2027-01-01", WorkdayAnswer.NonWorking)]  // 元旦 is a statutory holiday every year, notice or not
    [InlineData("2031-01-01", WorkdayAnswer.NonWorking)]  // a Wednesday, years ahead: still off
    [InlineData("2027-01-02", WorkdayAnswer.Unknown)]     // only 1 January is known before the notice
    public void IsWorkingDay_AnswersFromNotices(string date, WorkdayAnswer expected) =>
        Assert.Equal(expected, Cn.IsWorkingDay(D(date)));

    [Fact]
    public void AddWorkingDays_IsProvisional_WhenCountEntersUnknownYear()
    {
        var deadline = Cn.AddWorkingDays(D("2026-12-30"), 3); // 12-31 Thu, then 2027 (unknown) counted Mon–Fri

        Assert.True(deadline.IsProvisional);
        Assert.Equal(D("2027-01-05"), deadline.Due); // 2027-01-01 Fri is 元旦 even without a notice, then Mon 01-04, Tue 01-05
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

    [Fact]
    public void WithYear_AddsTheNotice_AndLeavesTheOriginalUnchanged()
    {
        var notice = CalendarYear.Create(2027, "国办发明电〔2026〕9号", [new(D("2027-01-01"), true, "元旦"), new(D("2027-02-20"), false, "春节")]).Value!;

        var added = Cn.WithYear(notice);

        Assert.True(added.IsSuccess);
        Assert.True(added.Value!.IsKnownYear(2027));
        Assert.Equal(WorkdayAnswer.Working, added.Value.IsWorkingDay(D("2027-02-20"))); // make-up Saturday
        Assert.Equal(WorkdayAnswer.Working, added.Value.IsWorkingDay(D("2027-03-01")));
        Assert.False(Cn.IsKnownYear(2027));
    }

    [Fact]
    public void WithYear_Refuses_WhenADayBelongsToAnotherNotice()
    {
        var notice2023 = CalendarYear.Create(2023, "国办发明电〔2022〕16号", [new(D("2023-12-30"), true, "元旦")]).Value!; // 2024's notice already moved 12-30

        var result = Cn.WithYear(notice2023);

        Assert.Equal("日期：2023-12-30 已列在 2024 年的通知中，不能在两份通知里重复。", result.Error);
    }

    [Fact]
    public void WithYear_ReplacesTheYearsOwnNotice()
    {
        var edited = Cn.WithYear(CalendarYear.Create(2025, "新通知", [new(D("2025-01-01"), true, "元旦")]).Value!);

        Assert.True(edited.IsSuccess);
        Assert.Equal(WorkdayAnswer.Working, edited.Value!.IsWorkingDay(D("2025-01-28"))); // the replaced notice's 春节 days are gone
        Assert.Equal(WorkdayAnswer.NonWorking, Cn.IsWorkingDay(D("2025-01-28")));
    }

    [Theory]
    [InlineData(1999, "通知", "2026-01-01", true, "元旦", "年份")]
    [InlineData(2027, " ", "2027-01-01", true, "元旦", "通知文号")]
    [InlineData(2027, "通知", "2028-01-01", true, "元旦", "第 1 行 日期")]   // next year's date
    [InlineData(2027, "通知", "2026-11-30", true, "元旦", "第 1 行 日期")]   // only December of the year before may appear
    [InlineData(2027, "通知", "2027-01-01", true, "", "第 1 行 名称")]
    [InlineData(2027, "通知", "2027-03-03", false, "春节", "第 1 行 类型")]  // a Wednesday cannot be a make-up day
    public void Create_Refuses_NamingTheField(int year, string notice, string date, bool off, string name, string field)
    {
        var result = CalendarYear.Create(year, notice, [new(D(date), off, name)]);

        Assert.False(result.IsSuccess);
        Assert.StartsWith(field, result.Error);
    }

    [Fact]
    public void Create_Refuses_WhenADateRepeats()
    {
        var result = CalendarYear.Create(2027, "通知", [new(D("2027-01-01"), true, "元旦"), new(D("2027-01-01"), true, "元旦")]);

        Assert.Equal("第 2 行 日期：2027-01-01 已在前面列出，每天只能列一次。", result.Error);
    }
}

public class CalendarNoticeReminderFacts
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-30", new int[0])]          // the day before the reminder starts
    [InlineData("2026-12-01", new[] { 2027 })]      // from 1 December: next year's notice is asked for
    [InlineData("2026-12-31", new[] { 2027 })]
    [InlineData("2027-01-01", new[] { 2027 })]      // the year began without its notice: still asked for
    [InlineData("2027-12-15", new[] { 2027, 2028 })]
    public void MissingYears_AsksFromDecember(string today, int[] expected) =>
        Assert.Equal(expected, CalendarNoticeReminder.MissingYears(Cn, D(today)));

    [Fact]
    public void MissingYears_IsEmpty_OnceNextYearIsEntered()
    {
        var with2027 = Cn.WithYear(CalendarYear.Create(2027, "通知", [new(D("2027-01-01"), true, "元旦")]).Value!).Value!;

        Assert.Empty(CalendarNoticeReminder.MissingYears(with2027, D("2026-12-01")));
    }
}

public class CalendarNoticeTextFacts
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Parse_ExpandsRanges_AndReadsMakeUpDays()
    {
        var days = CalendarNoticeText.Parse("2027-02-10~2027-02-12 休 春节\n\n2027-02-07 班 春节\r\n2027-01-01 off 元旦").Value!;

        Assert.Equal(
            [new(D("2027-02-10"), true, "春节"), new(D("2027-02-11"), true, "春节"), new(D("2027-02-12"), true, "春节"),
             new(D("2027-02-07"), false, "春节"), new CalendarDay(D("2027-01-01"), true, "元旦")],
            days);
    }

    [Theory]
    [InlineData("2027-01-01 休", "第 1 行：")]                        // no name
    [InlineData("\n2027/01/01 休 元旦", "第 2 行 日期")]              // wrong date format, on line 2
    [InlineData("2027-01-05~2027-01-01 休 元旦", "第 1 行 日期")]     // backwards range
    [InlineData("2027-01-01 放 元旦", "第 1 行 类型")]
    [InlineData("2027-02-06~2027-02-07 班 春节", "第 1 行 类型")]     // make-up days one by one
    [InlineData("  ", "放假和调休安排")]
    public void Parse_Refuses_NamingLineAndField(string text, string start) =>
        Assert.StartsWith(start, CalendarNoticeText.Parse(text).Error);

    [Fact]
    public void Format_RoundTripsAShippedNotice()
    {
        var y2026 = WorkingCalendar.LoadEmbedded().NoticeFor(2026)!;

        var text = CalendarNoticeText.Format(y2026);

        Assert.Contains("2026-10-01~2026-10-07 休 国庆节", text, StringComparison.Ordinal);
        Assert.Equal(y2026.Days, CalendarYear.Create(2026, y2026.Notice, CalendarNoticeText.Parse(text).Value!).Value!.Days);
    }
}
