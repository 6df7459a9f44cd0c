using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Applications;

/// <summary>
/// The working-day clocks of access and change applications (Article 13 (二)(三), Article 15): the management
/// unit reviews within <see cref="ReviewWorkingDays"/> working days of receipt; after approval the carrier
/// completes within <see cref="ImplementationWorkingDays"/> working days, a clock the unit's unreadiness pauses.
/// </summary>
/// <remarks>
/// The counting rule (PRODUCT.md interpretation 11, shown on the SLA policy page): the day of receipt (or of approval)
/// is not counted; the first counted day is the next working day, so a receipt on a Saturday or a holiday counts from
/// the first working day after it, that day being working day 1. The deadline is the end (24:00 China time) of the
/// Nth working day. 调休 make-up days are working days. A count that enters a year whose State Council notice is not
/// entered is provisional (Monday–Friday assumed). A pause stops the implementation clock: the whole working days
/// between the clock's start (or last resumption) and the day of the pause are used up; on resumption the remaining
/// days count again from the day after resumption, like a new receipt.
/// </remarks>
public static class ApplicationClocks
{
    /// <summary>Article 13 (二), Article 15: the review limit.</summary>
    public const int ReviewWorkingDays = 3;

    /// <summary>Article 13 (三), Article 15: the implementation limit.</summary>
    public const int ImplementationWorkingDays = 7;

    /// <summary>The "due today" notice goes out at this China time on the last working day.</summary>
    public static readonly TimeOnly DueTodayAt = new(9, 0);

    /// <summary>The review clock: from receipt to the decision (approval or rejection).</summary>
    public static WorkingDayClock Review(WorkingCalendar calendar, DateTimeOffset receivedAt, DateTimeOffset? decidedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = calendar.AddWorkingDays(ChinaTime.DateOf(receivedAt), ReviewWorkingDays);
        return new WorkingDayClock(ApplicationClockKind.Review,
            decidedAt is null ? ApplicationClockState.Running : ApplicationClockState.Stopped,
            deadline.Due, EndOf(deadline.Due), deadline.IsProvisional, decidedAt, 0);
    }

    /// <summary>The implementation clock: from approval to completion, standing still during pauses.</summary>
    public static WorkingDayClock Implementation(
        WorkingCalendar calendar, DateTimeOffset? approvedAt, IReadOnlyList<ApplicationPause> pauses, DateTimeOffset? completedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        if (approvedAt is not { } approved)
        {
            return new WorkingDayClock(ApplicationClockKind.Implementation, ApplicationClockState.NotStarted, null, null, false, null, ImplementationWorkingDays);
        }

        var start = ChinaTime.DateOf(approved);
        var left = ImplementationWorkingDays;
        var provisional = false;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            var (used, unsure) = WorkingDaysBetween(calendar, start, ChinaTime.DateOf(pause.From));
            left = Math.Max(0, left - used);
            provisional |= unsure;
            if (pause.To is not { } resumed)
            {
                return new WorkingDayClock(ApplicationClockKind.Implementation, ApplicationClockState.Paused, null, null, provisional, null, left);
            }

            start = ChinaTime.DateOf(resumed);
        }

        var deadline = calendar.AddWorkingDays(start, left);
        return new WorkingDayClock(ApplicationClockKind.Implementation,
            completedAt is null ? ApplicationClockState.Running : ApplicationClockState.Stopped,
            deadline.Due, EndOf(deadline.Due), provisional || deadline.IsProvisional, completedAt, 0);
    }

    /// <summary>The notices a running clock still has to send: 09:00 on its last working day (when that is after the
    /// clock's start) and the deadline itself. Paused, stopped and unstarted clocks send none.</summary>
    public static IReadOnlyList<ReminderStep> Steps(WorkingDayClock clock, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (clock is not { State: ApplicationClockState.Running, Due: { } due, DeadlineAt: { } deadline })
        {
            return [];
        }

        var steps = new List<ReminderStep>();
        var morning = ChinaTime.At(due, DueTodayAt);
        if (morning > startedAt)
        {
            steps.Add(new ReminderStep(clock.Kind, ReminderLevel.DueToday, morning));
        }

        steps.Add(new ReminderStep(clock.Kind, ReminderLevel.Overdue, deadline));
        return steps;
    }

    /// <summary>The instant a China civil date ends (24:00 CST), in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => ChinaTime.StartOfDayUtc(date.AddDays(1));

    /// <summary>Working days strictly between two dates (both excluded); unknown years count Monday–Friday.</summary>
    private static (int Count, bool Provisional) WorkingDaysBetween(WorkingCalendar calendar, DateOnly after, DateOnly before)
    {
        var count = 0;
        var provisional = false;
        for (var day = after.AddDays(1); day < before; day = day.AddDays(1))
        {
            var answer = calendar.IsWorkingDay(day);
            if (answer == WorkdayAnswer.Unknown)
            {
                provisional = true;
                answer = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WorkdayAnswer.NonWorking : WorkdayAnswer.Working;
            }

            if (answer == WorkdayAnswer.Working)
            {
                count++;
            }
        }

        return (count, provisional);
    }
}
