using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Registry;

/// <summary>
/// Article 6: every user unit names at least one security contact (安全联系人); when a contact changes, the new one is
/// re-registered within <see cref="ReRegistrationWorkingDays"/> working day of the day the old one stopped.
/// </summary>
/// <remarks>
/// Counted as every working-day clock (PRODUCT.md interpretation 11, <see cref="WorkingCalendar.AddWorkingDays"/>):
/// the day the old contact stopped is not counted, make-up working days (调休) count, and the deadline is the end of
/// the due day in China time. A due date in a year whose notice is not entered is provisional.
/// </remarks>
public static class SecurityContactRule
{
    /// <summary>Article 6: 1 working day.</summary>
    public const int ReRegistrationWorkingDays = 1;

    /// <summary>When the re-registration after a contact stopped on <paramref name="stoppedOn"/> is due.</summary>
    public static ReRegistrationDue DueAfter(WorkingCalendar calendar, DateOnly stoppedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = calendar.AddWorkingDays(stoppedOn, ReRegistrationWorkingDays);
        return new ReRegistrationDue(deadline.Due, ChinaTime.StartOfDayUtc(deadline.Due.AddDays(1)), deadline.IsProvisional);
    }

    /// <summary>Checks a contact as typed: a name and a valid number (the one <see cref="ContactNumber"/> rule).</summary>
    public static Result Check(string? name, string? mobile)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 40)
        {
            return Result.Fail("安全联系人姓名：请填写姓名（不超过 40 字）。");
        }

        return ContactNumber.IsValid(mobile) ? Result.Ok() : Result.Fail(ContactNumber.InvalidMessage("安全联系人电话"));
    }
}

/// <summary>A re-registration deadline (Article 6).</summary>
/// <param name="DueDate">The last working day (China civil date).</param>
/// <param name="DueAt">The end of that day: 24:00 China time, as a UTC instant; registered at or after it is late.</param>
/// <param name="IsProvisional">The count crossed a year whose holiday notice is not entered.</param>
public sealed record ReRegistrationDue(DateOnly DueDate, DateTimeOffset DueAt, bool IsProvisional)
{
    /// <summary>Overdue at <paramref name="now"/> when nobody was registered before <see cref="DueAt"/>.</summary>
    public bool IsOverdue(DateTimeOffset? registeredAt, DateTimeOffset now) =>
        registeredAt is { } at ? at >= DueAt : now >= DueAt;
}
