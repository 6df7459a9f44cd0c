using GovNetOps.Domain.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Calendar;

/// <summary>
/// First start: stores the notices shipped with the Domain (2024–2026) so the admin can see and edit them; from then
/// on the database is the calendar. Every start: loads it into <see cref="WorkingCalendarSource"/>. A later year is
/// never invented: it stays unentered until an admin types its notice.
/// </summary>
internal sealed class CalendarSeeder(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource source,
    TimeProvider time,
    ILogger<CalendarSeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.CalendarYears.AnyAsync(cancellationToken))
            {
                var now = time.GetUtcNow();
                foreach (var year in WorkingCalendar.LoadEmbedded().Years)
                {
                    db.CalendarYears.Add(CalendarRecords.From(year, now));
                }

                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Working-day calendar seeded from the shipped State Council notices");
            }
        }

        var calendar = await source.ReloadAsync(cancellationToken);
        logger.LogInformation("Working-day calendar loaded: notices for {Years}", string.Join(", ", calendar.KnownYears));
    }
}

/// <summary>Maps a Domain notice to its rows.</summary>
public static class CalendarRecords
{
    public static CalendarYearRecord From(CalendarYear year, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new CalendarYearRecord
        {
            Year = year.Year,
            Notice = year.Notice,
            UpdatedAt = now,
            Days = year.Days.Select(d => new CalendarDayRecord { Year = year.Year, Date = d.Date, Off = d.Off, Name = d.Name }).ToList(),
        };
    }
}
