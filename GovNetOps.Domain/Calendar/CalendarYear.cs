using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Calendar;

/// <summary>
/// One year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as entered by an admin:
/// the notice's title or number and the days that differ from Monday–Friday (PRODUCT.md interpretations 11, 13).
/// </summary>
/// <remarks>
/// A notice may reach into the last days of the year before (the 2024 notice moved 2023-12-30/31), so a day may
/// fall in December of the previous year; every other day lies in the notice's own year.
/// </remarks>
public sealed class CalendarYear
{
    /// <summary>The earliest and latest year the calendar accepts.</summary>
    public const int MinYear = 2000;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    private CalendarYear(int year, string notice, IReadOnlyList<CalendarDay> days)
    {
        Year = year;
        Notice = notice;
        Days = days;
    }

    /// <summary>The year the notice is for.</summary>
    public int Year { get; }

    /// <summary>The notice's number and title, e.g. 国办发明电〔2025〕7号.</summary>
    public string Notice { get; }

    /// <summary>The notice's days, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>
    /// Checks a notice as typed: the year in range, a notice text, and each day with a name, in the notice's year
    /// (or the December before), listed once, and a make-up working day only on a Saturday or Sunday (a weekday is a
    /// working day already). Refusals name the field and the line (1-based) in Chinese.
    /// </summary>
    public static Result<CalendarYear> Create(int year, string? notice, IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (year is < MinYear or > MaxYear)
        {
            return Result<CalendarYear>.Fail($"年份：须在 {MinYear} 至 {MaxYear} 之间（现为 {year}）。");
        }

        if (string.IsNullOrWhiteSpace(notice))
        {
            return Result<CalendarYear>.Fail("通知文号：请填写国务院办公厅通知的文号或标题。");
        }

        var list = days.ToList();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < list.Count; i++)
        {
            var day = list[i];
            var line = i + 1;
            var inRange = day.Date.Year == year || (day.Date.Year == year - 1 && day.Date.Month == 12);
            if (!inRange)
            {
                return Result<CalendarYear>.Fail($"第 {line} 行 日期：{day.Date:yyyy-MM-dd} 不在 {year} 年内（只允许本年或上一年 12 月的日期）。");
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                return Result<CalendarYear>.Fail($"第 {line} 行 名称：请填写节日名称（如 元旦、春节）。");
            }

            if (!seen.Add(day.Date))
            {
                return Result<CalendarYear>.Fail($"第 {line} 行 日期：{day.Date:yyyy-MM-dd} 已在前面列出，每天只能列一次。");
            }

            if (!day.Off && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Result<CalendarYear>.Fail($"第 {line} 行 类型：{day.Date:yyyy-MM-dd} 是工作日，调休上班只能是周六或周日。");
            }
        }

        return Result<CalendarYear>.Ok(new CalendarYear(
            year,
            notice.Trim(),
            list.Select(d => d with { Name = d.Name.Trim() }).OrderBy(d => d.Date).ToList()));
    }
}
