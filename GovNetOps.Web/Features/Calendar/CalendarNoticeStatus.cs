using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Calendar;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Calendar;

/// <summary>The notices the admin home asks for now (the Domain's <see cref="CalendarNoticeReminder"/> on the
/// calendar in force and today's China date).</summary>
public sealed class CalendarNoticeStatus(WorkingCalendarSource source, IOptions<CalendarOptions> options, TimeProvider time)
{
    public IReadOnlyList<int> MissingYears() =>
        CalendarNoticeReminder.MissingYears(source.Current, ChinaTime.DateOf(time.GetUtcNow()), options.Value.RemindDaysAhead);
}
