using System.Security.Claims;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Applications.Reminders;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Applications;

/// <summary>The application clock notices on a fake clock: at 09:00 China time on the last working day and at the deadline,
/// never early, exactly once, and caught up once after a restart. Hangfire runs for real; the test stands in for its
/// scheduler by re-queueing a notice's job when the fake clock reaches the job's start (as EscalationScheduleFacts does).</summary>
public sealed class ApplicationReminderFacts : IDisposable
{
    /// <summary>Monday 2026-03-02 10:00 China time; the review is due Thursday 2026-03-05.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueToday = ChinaTime.At(new DateOnly(2026, 3, 5), new TimeOnly(9, 0));
    private static readonly DateTimeOffset Overdue = ChinaTime.StartOfDayUtc(new DateOnly(2026, 3, 6));
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _folder = TestPaths.NewTempFolder();

    // On a PostgreSQL run, every life of the app in a test uses this one database (as they share the SQLite file).
    private readonly string? _postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;
    private readonly FakeTimeProvider _time = new(T0);

    private GovNetOpsFactory Start()
    {
        var app = new GovNetOpsFactory(postgreSqlConnectionString: _postgreSql) { Time = _time };
        app.Settings["Database:Path"] = Path.Combine(_folder, "govnetops.db");
        app.Settings["Escalation:SweepInterval"] = "10.00:00:00"; // every record here comes from a job
        app.CreateClient().Dispose();
        return app;
    }

    private static async Task<Guid> RecordAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        var ops = PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ops"), AppRoles.Ops).Build();
        using var scope = app.Services.CreateScope();
        var number = await scope.ServiceProvider.GetRequiredService<RecordApplicationHandler>().RecordAsync(ApplicationFormBuilder.Access(), ops, []);
        Assert.True(number.IsSuccess, number.Error);
        return await db.NetworkApplications.Where(a => a.Number == number.Value).Select(a => a.Id).SingleAsync();
    }

    private static async Task<List<ApplicationReminderRecord>> RecordsAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        return await db.ApplicationReminders.AsNoTracking().OrderBy(r => r.DueAt).ToListAsync();
    }

    private static string? JobState(GovNetOpsFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static Task<IReadOnlyList<ApplicationReminderScheduler.PlannedNotice>> PlannedAsync(GovNetOpsFactory app, Guid id, int count) =>
        TicketDriver.EventuallyAsync(() => Task.FromResult(app.Services.GetRequiredService<ApplicationReminderScheduler>().Pending(id)),
            p => p.Count == count, Wait, $"{count} planned notices", p => string.Join(", ", p.Select(x => $"{x.Step.Level}@{x.Step.DueAt:O}")), app.Diagnostics);

    private async Task FireAsync(GovNetOpsFactory app, ApplicationReminderScheduler.PlannedNotice notice)
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        _time.SetUtcNow(notice.Step.DueAt - TimeSpan.FromSeconds(1));
        Assert.True(jobs.Requeue(notice.JobId));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, notice.JobId)), s => s == "Processing", Wait, "the job to start", s => s ?? "no state", app.Diagnostics);
        await Task.Delay(200);
        Assert.DoesNotContain(await RecordsAsync(app), r => r.DueAt == notice.Step.DueAt); // never early

        _time.Advance(TimeSpan.FromSeconds(1));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, notice.JobId)), s => s == "Succeeded", Wait, "the job to finish", s => s ?? "no state", app.Diagnostics);
    }

    [Fact]
    public async Task Notices_FireAtNineOnTheDueDayAndAtTheDeadline_ExactlyOnce()
    {
        using var app = Start();
        var id = await RecordAsync(app);

        var planned = await PlannedAsync(app, id, 2);
        Assert.Equal([(ReminderLevel.DueToday, DueToday), (ReminderLevel.Overdue, Overdue)], planned.Select(p => (p.Step.Level, p.Step.DueAt)));

        await FireAsync(app, planned[0]);
        await FireAsync(app, planned[1]);
        // A retry of a job that has run records nothing more.
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(planned[1].JobId));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, planned[1].JobId)), s => s == "Succeeded", Wait, "the retried job", s => s ?? "no state", app.Diagnostics);

        var records = await RecordsAsync(app);
        Assert.Equal([(ApplicationClockKind.Review, ReminderLevel.DueToday, DueToday), (ApplicationClockKind.Review, ReminderLevel.Overdue, Overdue)],
            records.Select(r => (r.Clock, r.Level, r.DueAt)));
        Assert.All(records, r => Assert.True(r.RecordedAt >= r.DueAt && r.LatenessMs < 5000, $"{r.Level} recorded {r.LatenessMs} ms late"));
        Assert.All(records, r => Assert.Equal(EscalationSource.Scheduled, r.Source));
        await using var db = app.NewDbContext();
        var opsId = await db.Users.Where(u => u.UserName == "ops").Select(u => u.Id).SingleAsync();
        var leaderId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var titles = await db.Notifications.Where(n => n.UserId == opsId).Select(n => n.Title).ToListAsync();
        Assert.Equal(2, titles.Count(t => t.Contains("审核时限", StringComparison.Ordinal)));
        Assert.Single(await db.Notifications.Where(n => n.UserId == leaderId && n.Title.StartsWith("【已超期】")).ToListAsync());
    }

    [Fact]
    public async Task Restart_CatchesUpTheNoticeThatFellDueWhileDown_Once_AndPlansTheNextOne()
    {
        Guid id;
        using (var first = Start())
        {
            id = await RecordAsync(first);
            await PlannedAsync(first, id, 2);
        }

        _time.SetUtcNow(DueToday + TimeSpan.FromHours(1)); // down across 09:00 on the due day
        using (var second = Start())
        {
            var records = await TicketDriver.EventuallyAsync(() => RecordsAsync(second), r => r.Count == 1, Wait, "the caught-up notice",
                r => string.Join(", ", r.Select(x => $"{x.Level}@{x.DueAt:O}")), second.Diagnostics);
            Assert.Equal((ReminderLevel.DueToday, DueToday, EscalationSource.CatchUp), (records[0].Level, records[0].DueAt, records[0].Source));
            var planned = await PlannedAsync(second, id, 1);
            Assert.Equal((ReminderLevel.Overdue, Overdue), (planned[0].Step.Level, planned[0].Step.DueAt));
        }

        using var third = Start();
        await PlannedAsync(third, id, 1);
        await Task.Delay(500);
        Assert.Single(await RecordsAsync(third));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
