using GovNetOps.Domain.Calendar;

namespace GovNetOps.Web.Features.Applications;

/// <summary>The working-day calendar the application clocks count on: the ONE place this feature gets it from, so it
/// can be pointed at the calendar an admin edits (the calendar source service) without touching anything else.
/// Today it is the Domain's embedded State Council calendar.</summary>
public sealed class ApplicationCalendar(WorkingCalendar calendar)
{
    /// <summary>The calendar in force now.</summary>
    public Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken = default) => Task.FromResult(calendar);
}
