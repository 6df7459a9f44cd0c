using System.Globalization;
using System.Text.Json;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Calendar;

/// <summary>
/// 工作日历: mainland China working days from the State Council holiday notices, make-up working days (调休)
/// included, for the working-day limits of Article 6 (1 working day), Articles 13 and 15 (3 and 7 working days).
/// </summary>
/// <remarks>
/// The calendar is data (PRODUCT.md interpretations 11, 13): per year, the days of the State Council notice that
/// differ from Monday–Friday (the embedded <c>cn-workday-calendar.json</c> seeds the first years; an admin enters
/// the rest). A date in a year with no notice is <see cref="WorkdayAnswer.Unknown"/>, never silently
/// Monday–Friday, except 1 January: New Year's Day is a statutory holiday every year (全国年节及纪念日放假办法,
/// art. 2), so it is a day off even before the notice. Adding a year is a data change. Counting follows the
/// 民法典 art. 201 convention: the start day is not counted.
/// </remarks>
public sealed class WorkingCalendar
{
    private const string ResourceName = "GovNetOps.Domain.Calendar.cn-workday-calendar.json";

    private readonly Dictionary<DateOnly, CalendarDay> _days;
    private readonly SortedDictionary<int, CalendarYear> _years;

    private WorkingCalendar(SortedDictionary<int, CalendarYear> years)
    {
        _years = years;
        _days = [];
        foreach (var day in years.Values.SelectMany(y => y.Days))
        {
            if (!_days.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"Calendar day {day.Date:yyyy-MM-dd} is listed by two notices.", nameof(years));
            }
        }
    }

    /// <summary>The years for which a holiday notice is loaded.</summary>
    public IReadOnlyCollection<int> KnownYears => _years.Keys.ToList();

    /// <summary>The loaded notices, by year.</summary>
    public IReadOnlyList<CalendarYear> Years => _years.Values.ToList();

    /// <summary>The calendar shipped with the domain (embedded copy of the reference data).</summary>
    public static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>A calendar of the given notices; throws <see cref="ArgumentException"/> when a year or a day repeats.</summary>
    public static WorkingCalendar FromYears(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            if (!byYear.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Calendar year {year.Year} appears twice.", nameof(years));
            }
        }

        return new WorkingCalendar(byYear);
    }

    /// <summary>
    /// Parses calendar data: <c>{"years":[{"year":2026,"notice":"…","days":[{"date":"2026-01-01","off":true,"name":"元旦"}]}]}</c>
    /// (an admin-edited copy). Throws <see cref="FormatException"/> on malformed data.
    /// </summary>
    public static WorkingCalendar FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var years = new List<CalendarYear>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var year in doc.RootElement.GetProperty("years").EnumerateArray())
            {
                var number = year.GetProperty("year").GetInt32();
                var notice = year.TryGetProperty("notice", out var n) ? n.GetString() : null;
                var days = year.GetProperty("days").EnumerateArray().Select(day => new CalendarDay(
                    DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    day.GetProperty("off").GetBoolean(),
                    day.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "")).ToList();
                var created = CalendarYear.Create(number, string.IsNullOrWhiteSpace(notice) ? $"{number}" : notice,
                    days.Select(d => string.IsNullOrWhiteSpace(d.Name) ? d with { Name = d.Off ? "休" : "班" } : d));
                if (!created.IsSuccess)
                {
                    throw new FormatException(created.Error);
                }

                years.Add(created.Value!);
            }

            return FromYears(years);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FormatException($"Invalid working-day calendar data: {ex.Message}", ex);
        }
    }

    /// <summary>This calendar with <paramref name="year"/>'s notice added or replaced; refused (in Chinese) when one
    /// of its days is already listed by another year's notice.</summary>
    public Result<WorkingCalendar> WithYear(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var clash = year.Days.FirstOrDefault(d => OwnerOf(d.Date) is { } owner && owner != year.Year);
        if (clash is not null)
        {
            return Result<WorkingCalendar>.Fail($"日期：{clash.Date:yyyy-MM-dd} 已列在 {OwnerOf(clash.Date)} 年的通知中，不能在两份通知里重复。");
        }

        var years = new SortedDictionary<int, CalendarYear>(_years) { [year.Year] = year };
        return Result<WorkingCalendar>.Ok(new WorkingCalendar(years));
    }

    /// <summary>True when a holiday notice for <paramref name="year"/> is loaded.</summary>
    public bool IsKnownYear(int year) => _years.ContainsKey(year);

    /// <summary>The notice entered for <paramref name="year"/>, or null.</summary>
    public CalendarYear? NoticeFor(int year) => _years.GetValueOrDefault(year);

    /// <summary>The notice line for <paramref name="date"/> (holiday or make-up day), or null for an ordinary day.</summary>
    public CalendarDay? DayOf(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>True for 1 January: New Year's Day is a statutory holiday every year, notice or not.</summary>
    public static bool IsStatutoryNewYear(DateOnly date) => date is { Month: 1, Day: 1 };

    /// <summary>Whether <paramref name="date"/> is a working day; <see cref="WorkdayAnswer.Unknown"/> for a year without
    /// a notice, except 1 January, which is always <see cref="WorkdayAnswer.NonWorking"/>.</summary>
    public WorkdayAnswer IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var listed))
        {
            return listed.Off ? WorkdayAnswer.NonWorking : WorkdayAnswer.Working;
        }

        if (IsStatutoryNewYear(date))
        {
            return WorkdayAnswer.NonWorking;
        }

        if (!_years.ContainsKey(date.Year))
        {
            return WorkdayAnswer.Unknown;
        }

        return IsWeekend(date) ? WorkdayAnswer.NonWorking : WorkdayAnswer.Working;
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start day not counted,
    /// 民法典 art. 201). Days in a year without data are counted Monday–Friday (1 January excepted) and make the answer
    /// provisional. Zero returns <paramref name="start"/>.
    /// </summary>
    public WorkingDayDeadline AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var provisional = false;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            var answer = IsWorkingDay(day);
            if (answer == WorkdayAnswer.Unknown)
            {
                provisional = true;
                answer = IsWeekend(day) ? WorkdayAnswer.NonWorking : WorkdayAnswer.Working;
            }

            if (answer == WorkdayAnswer.Working)
            {
                counted++;
            }
        }

        return new WorkingDayDeadline(day, provisional);
    }

    /// <summary>Number of working days in a known year; throws <see cref="ArgumentOutOfRangeException"/> for an unknown year.</summary>
    public int WorkingDaysIn(int year)
    {
        if (!_years.ContainsKey(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "No holiday notice is loaded for this year.");
        }

        var count = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (IsWorkingDay(d) == WorkdayAnswer.Working)
            {
                count++;
            }
        }

        return count;
    }

    private int? OwnerOf(DateOnly date) =>
        _years.Values.FirstOrDefault(y => y.Days.Any(d => d.Date == date))?.Year;

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
