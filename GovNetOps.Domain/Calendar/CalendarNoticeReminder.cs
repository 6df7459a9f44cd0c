namespace GovNetOps.Domain.Calendar;

/// <summary>
/// Which State Council notices are missing and should be asked for (PRODUCT.md interpretation 11): the current year's
/// always, next year's from <see cref="DefaultDaysAhead"/> days before it begins (1 December). The notice usually comes
/// out in November; until it is entered, working-day deadlines in that year are provisional.
/// </summary>
public static class CalendarNoticeReminder
{
    /// <summary>31 days before 1 January: from 1 December.</summary>
    public const int DefaultDaysAhead = 31;

    /// <summary>The years whose notice is missing and due, ascending (empty when none).</summary>
    public static IReadOnlyList<int> MissingYears(WorkingCalendar calendar, DateOnly today, int daysAhead = DefaultDaysAhead)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(daysAhead);
        var missing = new List<int>();
        if (!calendar.IsKnownYear(today.Year))
        {
            missing.Add(today.Year);
        }

        var next = today.Year + 1;
        if (today >= new DateOnly(next, 1, 1).AddDays(-daysAhead) && !calendar.IsKnownYear(next))
        {
            missing.Add(next);
        }

        return missing;
    }
}
