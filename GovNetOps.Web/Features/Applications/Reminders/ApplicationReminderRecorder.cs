using System.Globalization;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Reminders;

/// <summary>Records one application clock notice if it still applies (the application, as stored now, has that clock
/// running with that notice falling due at that instant) and sends it through <see cref="ApplicationNotices"/> in the
/// same transaction. The unique key (application, clock, level, instant) makes a second run a no-op, as the ticket
/// escalation recorder does.</summary>
public sealed class ApplicationReminderRecorder(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    ApplicationNotices notices,
    TimeProvider time,
    ILogger<ApplicationReminderRecorder> logger)
{
    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>True when this call stored the notice.</summary>
    public async Task<bool> RecordAsync(Guid applicationId, ReminderStep step, EscalationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await _write.WaitAsync(cancellationToken);
        ApplicationNotices.Written written;
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await db.ApplicationReminders.AnyAsync(r => r.ApplicationId == applicationId && r.Clock == step.Clock && r.Level == step.Level && r.DueAt == step.DueAt, cancellationToken))
            {
                return false;
            }

            var app = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
            var now = time.GetUtcNow();
            var calendar = calendars.Current;
            if (app is null || now < step.DueAt || !app.ToProgress().ReminderSteps(calendar).Contains(step))
            {
                return false;
            }

            var record = new ApplicationReminderRecord
            {
                ApplicationId = applicationId, Clock = step.Clock, Level = step.Level, DueAt = step.DueAt, RecordedAt = now,
                LatenessMs = (long)(now - step.DueAt).TotalMilliseconds, Source = source,
            };
            var clock = step.Clock == ApplicationClockKind.Review ? app.ToProgress().ReviewClock(calendar) : app.ToProgress().ImplementationClock(calendar);
            var (title, body) = Message(app, step, clock.IsProvisional);
            written = await notices.AddAsync(db, app, Audience(step), title, body, now, cancellationToken);
            record.NotifiedUsers = written.Users.Count;
            db.ApplicationReminders.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
            {
                return false;
            }

            logger.LogInformation("Application {Number} {Clock} {Level} due {DueAt:O} recorded {Lateness} ms late ({Source}); {Users} notified",
                app.Number, step.Clock, step.Level, step.DueAt, record.LatenessMs, source, record.NotifiedUsers);
        }
        finally
        {
            _write.Release();
        }

        notices.AfterCommit(written);
        return true;
    }

    /// <summary>Review notices go to Ops (overdue also to leadership); implementation notices to the carrier and Ops
    /// (overdue also to leadership).</summary>
    public static ApplicationAudience Audience(ReminderStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var audience = step.Clock == ApplicationClockKind.Review ? ApplicationAudience.Ops : ApplicationAudience.Ops | ApplicationAudience.Carrier;
        return step.Level == ReminderLevel.Overdue ? audience | ApplicationAudience.Leadership : audience;
    }

    /// <summary>"【今日到期】JR-20261102-01 审核时限", with the unit, the deadline and whether it is provisional.</summary>
    public static (string Title, string Body) Message(NetworkApplicationRecord app, ReminderStep step, bool provisional)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(step);
        var level = Zh.Get(step.Level == ReminderLevel.DueToday ? nameof(T.Level_DueToday) : nameof(T.Level_Overdue));
        var clock = Zh.Get(step.Clock == ApplicationClockKind.Review ? nameof(T.Clock_Review) : nameof(T.Clock_Implementation));
        var kind = Zh.Get(app.Kind == ApplicationKind.Access ? nameof(T.Kind_Access) : nameof(T.Kind_Change));
        var deadline = ChinaTime.Format(step.Level == ReminderLevel.Overdue ? step.DueAt : ApplicationClocks.EndOf(ChinaTime.DateOf(step.DueAt)));
        var title = string.Format(Zh.Culture, Zh.Get(nameof(T.Notice_ReminderTitle)), level, app.Number, clock);
        var body = string.Format(Zh.Culture, Zh.Get(nameof(T.Notice_ReminderBody)), app.UnitName, kind, clock, deadline,
            provisional ? Zh.Get(nameof(T.Notice_Provisional)) : "");
        return (title, body);
    }

    /// <summary>Keys of the notices already recorded for an application.</summary>
    public async Task<HashSet<(ApplicationClockKind, ReminderLevel, DateTimeOffset)>> RecordedAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApplicationReminders.AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .Select(r => new { r.Clock, r.Level, r.DueAt }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Clock, r.Level, r.DueAt)).ToHashSet();
    }

    internal static string Key(Guid id, ReminderStep step) =>
        string.Create(CultureInfo.InvariantCulture, $"{id:N}:{step.Clock}:{step.Level}:{step.DueAt.UtcTicks}");
}
