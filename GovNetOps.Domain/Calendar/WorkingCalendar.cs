using System.Globalization;
using System.Text.Json;

namespace GovNetOps.Domain.Calendar;

/// <summary>
/// 工作日历: mainland China working days from the State Council holiday notices, make-up working days (调休)
/// included, for the working-day limits of Article 6 (1 working day), Articles 13 and 15 (3 and 7 working days).
/// </summary>
/// <remarks>
/// The calendar is data (PRODUCT.md interpretation 9): the embedded <c>cn-workday-calendar.json</c> lists, per
/// year, the days that differ from Monday–Friday. A date in a year with no notice is <see cref="WorkdayAnswer.Unknown"/>,
/// never silently Monday–Friday; adding a year is a data change. Counting follows the 民法典 art. 201
/// convention: the start day is not counted.
/// </remarks>
public sealed class WorkingCalendar
{
    private const string ResourceName = "GovNetOps.Domain.Calendar.cn-workday-calendar.json";

    private readonly Dictionary<DateOnly, bool> _off;
    private readonly HashSet<int> _years;

    private WorkingCalendar(Dictionary<DateOnly, bool> off, HashSet<int> years)
    {
        _off = off;
        _years = years;
    }

    /// <summary>The years for which a holiday notice is loaded.</summary>
    public IReadOnlyCollection<int> KnownYears => _years.Order().ToList();

    /// <summary>The calendar shipped with the domain (embedded copy of the reference data).</summary>
    public static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>
    /// Parses calendar data: <c>{"years":[{"year":2026,"days":[{"date":"2026-01-01","off":true,"name":"元旦"}]}]}</c>
    /// (an admin-edited copy). Throws <see cref="FormatException"/> on malformed data.
    /// </summary>
    public static WorkingCalendar FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var off = new Dictionary<DateOnly, bool>();
        var years = new HashSet<int>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var year in doc.RootElement.GetProperty("years").EnumerateArray())
            {
                var number = year.GetProperty("year").GetInt32();
                if (!years.Add(number))
                {
                    throw new FormatException($"Calendar year {number} appears twice.");
                }

                foreach (var day in year.GetProperty("days").EnumerateArray())
                {
                    var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    off[date] = day.GetProperty("off").GetBoolean();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"Invalid working-day calendar data: {ex.Message}", ex);
        }

        return new WorkingCalendar(off, years);
    }

    /// <summary>True when a holiday notice for <paramref name="year"/> is loaded.</summary>
    public bool IsKnownYear(int year) => _years.Contains(year);

    /// <summary>Whether <paramref name="date"/> is a working day; <see cref="WorkdayAnswer.Unknown"/> for a year without data.</summary>
    public WorkdayAnswer IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year))
        {
            return WorkdayAnswer.Unknown;
        }

        var working = _off.TryGetValue(date, out var isOff) ? !isOff : !IsWeekend(date);
        return working ? WorkdayAnswer.Working : WorkdayAnswer.NonWorking;
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start day not counted,
    /// 民法典 art. 201). Days in a year without data are counted Monday–Friday and make the answer provisional.
    /// Zero returns <paramref name="start"/>.
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
        if (!_years.Contains(year))
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

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
