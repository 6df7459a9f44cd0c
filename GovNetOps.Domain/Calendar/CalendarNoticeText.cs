using System.Globalization;
using System.Text;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Calendar;

/// <summary>
/// A notice typed as text, one line per day or range, the way the State Council notice reads:
/// <c>2027-02-10~2027-02-17 休 春节</c> (days off), <c>2027-02-07 班 春节</c> (a make-up working day).
/// 休 may be written <c>off</c>, 班 <c>work</c>; blank lines are skipped.
/// </summary>
public static class CalendarNoticeText
{
    private const int MaxRangeDays = 15;

    /// <summary>The days of <paramref name="text"/>; refused (in Chinese, naming the line and the field) when a line
    /// does not read as date(s), 休/班 and a name.</summary>
    public static Result<IReadOnlyList<CalendarDay>> Parse(string? text)
    {
        var days = new List<CalendarDay>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var n = i + 1;
            var parts = line.Split([' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                return Fail($"第 {n} 行：应写成“日期 休/班 名称”，如 2027-01-01 休 元旦。");
            }

            var range = parts[0].Split('~', '～');
            if (range.Length > 2 || !TryDate(range[0], out var from) || !TryDate(range[^1], out var to))
            {
                return Fail($"第 {n} 行 日期：“{parts[0]}”不是 yyyy-MM-dd 日期或 日期~日期 范围。");
            }

            if (to < from || to.DayNumber - from.DayNumber >= MaxRangeDays)
            {
                return Fail($"第 {n} 行 日期：范围 {from:yyyy-MM-dd}~{to:yyyy-MM-dd} 须从前到后且不超过 {MaxRangeDays} 天。");
            }

            bool off;
            switch (parts[1].ToLowerInvariant())
            {
                case "休" or "off":
                    off = true;
                    break;
                case "班" or "work":
                    off = false;
                    break;
                default:
                    return Fail($"第 {n} 行 类型：“{parts[1]}”应为 休（放假）或 班（调休上班）。");
            }

            if (!off && from != to)
            {
                return Fail($"第 {n} 行 类型：调休上班日请逐日填写，不能写成范围。");
            }

            for (var d = from; d <= to; d = d.AddDays(1))
            {
                days.Add(new CalendarDay(d, off, parts[2].Trim()));
            }
        }

        if (days.Count == 0)
        {
            return Fail("放假和调休安排：请至少填写一行（如 2027-01-01 休 元旦）。");
        }

        return Result<IReadOnlyList<CalendarDay>>.Ok(days);
    }

    /// <summary>The text of a notice (consecutive days off of one holiday written as a range), for editing.</summary>
    public static string Format(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var text = new StringBuilder();
        var days = year.Days;
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (days[i].Off && j + 1 < days.Count && days[j + 1].Off && days[j + 1].Name == days[i].Name
                && days[j + 1].Date == days[j].Date.AddDays(1))
            {
                j++;
            }

            var date = j == i ? Iso(days[i].Date) : $"{Iso(days[i].Date)}~{Iso(days[j].Date)}";
            text.Append(date).Append(' ').Append(days[i].Off ? "休" : "班").Append(' ').Append(days[i].Name).Append('\n');
            i = j + 1;
        }

        return text.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Result<IReadOnlyList<CalendarDay>> Fail(string message) => Result<IReadOnlyList<CalendarDay>>.Fail(message);
}
