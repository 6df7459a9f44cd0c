using GovNetOps.Domain.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Calendar;

/// <summary>The working-day calendar changed (a notice was entered or edited); <see cref="Calendar"/> is the new one.</summary>
public sealed record CalendarChanged(WorkingCalendar Calendar, int Year);

/// <summary>
/// The ONE place every working-day computation (Articles 6, 13, 15) reads the calendar from: <see cref="Current"/>
/// is the calendar as stored in the database, replaced the moment an admin's edit commits, so clocks pick the change
/// up without a restart; <see cref="CalendarChanged"/> tells those that keep a deadline scheduled.
/// </summary>
public sealed class WorkingCalendarSource(IDbContextFactory<AppDbContext> factory, Notifier<CalendarChanged> changes)
{
    // Until the database is read at start-up, the shipped notices answer (never an empty, all-unknown calendar).
    private WorkingCalendar _current = WorkingCalendar.LoadEmbedded();

    /// <summary>The calendar in force.</summary>
    public WorkingCalendar Current => Volatile.Read(ref _current);

    /// <summary>Reads every notice from the database and makes it <see cref="Current"/>.</summary>
    public async Task<WorkingCalendar> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var calendar = await ReadAsync(db, cancellationToken);
        Volatile.Write(ref _current, calendar);
        return calendar;
    }

    /// <summary>Called after an edit of <paramref name="year"/> committed: <paramref name="calendar"/> becomes current and
    /// subscribers hear of it.</summary>
    public void Replace(WorkingCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Volatile.Write(ref _current, calendar);
        changes.Publish(new CalendarChanged(calendar, year));
    }

    /// <summary>The calendar as stored in <paramref name="db"/>.</summary>
    public static async Task<WorkingCalendar> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return WorkingCalendar.FromYears(years.Select(y =>
        {
            var year = CalendarYear.Create(y.Year, y.Notice, y.Days.Select(d => new CalendarDay(d.Date, d.Off, d.Name)));
            return year.IsSuccess
                ? year.Value!
                : throw new InvalidOperationException($"Calendar year {y.Year} in the database is invalid: {year.Error}");
        }));
    }
}
