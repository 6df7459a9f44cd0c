using System.Globalization;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Admin;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using D = GovNetOps.Web.Resources.ApplicationDeadlines;

namespace GovNetOps.Web.Features.Applications.Provisional;

/// <summary>An open application whose current deadline (review while received, implementation while implementing) is
/// provisional: <see cref="Year"/> is the first year of its count whose State Council notice is not entered.</summary>
public sealed record ProvisionalDeadline(Guid ApplicationId, string Number, string UnitName, ApplicationClockKind Clock, DateOnly Due, int Year)
{
    /// <summary>Where the system administrator fixes it: the calendar, at that year.</summary>
    public string CalendarHref => string.Create(CultureInfo.InvariantCulture, $"/calendar?year={Year}");
}

/// <summary>
/// Provisional deadlines (PRODUCT.md interpretation 11): the open applications whose running clock's deadline falls in or
/// crosses a year whose holiday notice is not entered, for the admin home (<see cref="IAdminWarningSource"/>), and the
/// system administrators' in-app notice — one per application, ever: <see cref="NotifyAsync"/> stores it keyed by the
/// application (<see cref="ProvisionalDeadlineNoticeRecord"/>) in the same SaveChanges as the notifications, so a
/// second call, a racing instance or a restart inserts nothing.
/// </summary>
public sealed class ProvisionalDeadlines(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    ApplicationNotices notices,
    TimeProvider time,
    ILogger<ProvisionalDeadlines> logger)
{
    // One check at a time in this instance (as the reminder recorder writes); the key guards across instances.
    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The clock an application is waiting on now, or null (decided, paused, finished).</summary>
    public static WorkingDayClock? CurrentClock(ApplicationProgress progress, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.State switch
        {
            ApplicationState.Received => progress.ReviewClock(calendar),
            ApplicationState.Implementing => progress.ImplementationClock(calendar),
            _ => null,
        };
    }

    /// <summary>The application's provisional deadline now, or null when its current deadline is firm (or there is none).</summary>
    public static ProvisionalDeadline? Of(NetworkApplicationRecord app, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(calendar);
        if (CurrentClock(app.ToProgress(), calendar) is not { IsProvisional: true, Due: { } due } clock)
        {
            return null;
        }

        var first = ChinaTime.DateOf(app.ReceivedAt).Year;
        var year = Enumerable.Range(first, Math.Max(1, due.Year - first + 1)).FirstOrDefault(y => !calendar.IsKnownYear(y), due.Year);
        return new ProvisionalDeadline(app.Id, app.Number, app.UnitName, clock.Kind, due, year);
    }

    /// <summary>Every open application with a provisional deadline, nearest deadline first.</summary>
    public async Task<IReadOnlyList<ProvisionalDeadline>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses)
            .Where(a => a.State == ApplicationState.Received || a.State == ApplicationState.Implementing).ToListAsync(cancellationToken);
        var calendar = calendars.Current;
        return open.Select(a => Of(a, calendar)).OfType<ProvisionalDeadline>().OrderBy(p => p.Due).ThenBy(p => p.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>Tells the system administrators that the application's deadline is provisional, if it is and they were
    /// never told; true when this call told them.</summary>
    public async Task<bool> NotifyAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        ApplicationNotices.Written written;
        await _write.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await db.ProvisionalDeadlineNotices.AnyAsync(n => n.ApplicationId == applicationId, cancellationToken))
            {
                return false;
            }

            var app = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
            if (app is null || Of(app, calendars.Current) is not { } provisional)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var (title, body) = Message(provisional);
            written = await ApplicationNotices.AddInAppAsync(db, AppRoles.SystemAdmin, title, body, provisional.CalendarHref, now, cancellationToken);
            db.ProvisionalDeadlineNotices.Add(new ProvisionalDeadlineNoticeRecord
            {
                ApplicationId = app.Id, Clock = provisional.Clock, Due = provisional.Due, RecordedAt = now, NotifiedUsers = written.Users.Count,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
            {
                return false; // another call told them first
            }

            logger.LogInformation("Application {Number}: {Clock} deadline {Due} is provisional ({Year} not entered); {Users} system administrators told",
                app.Number, provisional.Clock, provisional.Due, provisional.Year, written.Users.Count);
        }
        finally
        {
            _write.Release();
        }

        notices.AfterCommit(written);
        return true;
    }

    /// <summary>Checks every open application (start-up, after a calendar change); returns how many notices were sent.</summary>
    public async Task<int> NotifyAllAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var deadline in await OpenAsync(cancellationToken))
        {
            if (await NotifyAsync(deadline.ApplicationId, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The notice, in Chinese (notifications are stored once for every reader).</summary>
    public static (string Title, string Body) Message(ProvisionalDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        string Zh(string key) => D.ResourceManager.GetString(key, Applications.Zh.Culture) ?? key;
        var clock = Zh(deadline.Clock == ApplicationClockKind.Review ? nameof(D.Clock_Review) : nameof(D.Clock_Implementation));
        var due = deadline.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (string.Format(Applications.Zh.Culture, Zh(nameof(D.Notice_Title)), deadline.Number),
            string.Format(Applications.Zh.Culture, Zh(nameof(D.Notice_Body)), deadline.Number, deadline.UnitName, clock, due, deadline.Year));
    }
}

/// <summary>The admin home's list of open applications with a provisional deadline, each leading to the calendar year
/// to enter (the system administrator cannot open applications; entering the year is what fixes the deadline).</summary>
public sealed class ProvisionalDeadlineWarnings(ProvisionalDeadlines deadlines) : IAdminWarningSource
{
    public async Task<IReadOnlyList<AdminWarning>> WarningsAsync(CancellationToken cancellationToken) =>
        (await deadlines.OpenAsync(cancellationToken)).Select(d => new AdminWarning(
            string.Format(CultureInfo.CurrentCulture, D.Warning_Provisional, d.Number,
                d.Clock == ApplicationClockKind.Review ? D.Clock_Review : D.Clock_Implementation,
                d.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Year),
            d.CalendarHref)).ToList();
}
