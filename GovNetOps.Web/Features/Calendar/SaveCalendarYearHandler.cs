using System.Security.Claims;
using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Calendar;

/// <summary>Enters or replaces one year's State Council notice (admin only, audited). On commit the calendar source
/// switches to the new calendar, so every working-day clock uses it from the next computation on.</summary>
public sealed class SaveCalendarYearHandler(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource source,
    CurrentActors actors,
    ChangeLog changes,
    TimeProvider time)
{
    // One edit at a time: the clash check and the write see the same calendar.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<Result> SaveAsync(ClaimsPrincipal user, int year, string? notice, string? daysText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.CalendarAdmin, cancellationToken))
        {
            return Result.Fail("只有系统管理员可以录入工作日历。");
        }

        var days = CalendarNoticeText.Parse(daysText);
        if (!days.IsSuccess)
        {
            return Result.Fail(days.Error!);
        }

        var entered = CalendarYear.Create(year, notice, days.Value!);
        if (!entered.IsSuccess)
        {
            return Result.Fail(entered.Error!);
        }

        var newYear = entered.Value!;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var stored = await WorkingCalendarSource.ReadAsync(db, cancellationToken);
            var calendar = stored.WithYear(newYear);
            if (!calendar.IsSuccess)
            {
                return Result.Fail(calendar.Error!);
            }

            var old = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
            var before = old is null ? null : Fields(stored.NoticeFor(year)!);
            // The old days go first (a date is unique), all in one transaction: never half a notice.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (old is not null)
            {
                db.CalendarDays.RemoveRange(old.Days);
                db.CalendarYears.Remove(old);
                await db.SaveChangesAsync(cancellationToken);
            }

            db.CalendarYears.Add(CalendarRecords.From(newYear, time.GetUtcNow()));
            changes.Add(db, actor, "CalendarYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{year}",
                old is null ? "Create" : "Update", before, Fields(newYear));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            source.Replace(calendar.Value!, year);
            return Result.Ok();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static Dictionary<string, string?> Fields(CalendarYear year) => new()
    {
        ["通知"] = year.Notice,
        ["安排"] = CalendarNoticeText.Format(year).TrimEnd(),
    };
}
