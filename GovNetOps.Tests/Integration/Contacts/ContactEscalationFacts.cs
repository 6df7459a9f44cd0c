using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Calendar;
using GovNetOps.Web.Features.Contacts;
using GovNetOps.Web.Features.Contacts.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Contacts;

/// <summary>Article 6 escalation on a fake clock: when a stopped security contact's successor is not registered by the end
/// of the 1st working day (国庆 not counted; the 调休 Saturday counted), every Ops user hears of it in-app and through the
/// webhook at that instant, never early, exactly once, caught up once after a restart, and re-planned when the calendar is
/// edited. Hangfire runs for real; the test stands in for its scheduler by re-queueing the job when the fake clock reaches
/// the job's start (as ApplicationReminderFacts does).</summary>
public sealed class ContactEscalationFacts : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _folder = TestPaths.NewTempFolder();
    private readonly string? _postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;
    private readonly FakeTimeProvider _time = new(ChinaTime.At(D("2026-09-30"), new TimeOnly(10, 0)));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private GovNetOpsFactory Start(string? webhook = null)
    {
        var app = new GovNetOpsFactory(postgreSqlConnectionString: _postgreSql) { Time = _time };
        app.Settings["Database:Path"] = Path.Combine(_folder, "govnetops.db");
        app.Settings["Escalation:SweepInterval"] = "10.00:00:00"; // every record here comes from a job
        app.Settings["Maintenance:SweepInterval"] = "1.00:00:00"; // its longest: the fake clock moves by days, not a sweep per 30 s passed
        if (webhook is not null)
        {
            app.Settings["Notifications:Webhook:Enabled"] = "true";
            app.Settings["Notifications:Webhook:Url"] = webhook;
        }

        app.CreateClient().Dispose();
        return app;
    }

    private static async Task<ClaimsPrincipal> AdminAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        return PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin"), AppRoles.SystemAdmin).Build();
    }

    private static async Task<T> RegistryAsync<T>(GovNetOpsFactory app, Func<SecurityContactRegistry, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<SecurityContactRegistry>());
    }

    /// <summary>A township site whose every current contact stops on <paramref name="stoppedOn"/> (a fresh one is
    /// registered first, so the demo data's contacts do not matter).</summary>
    private static async Task<int> StopContactsAsync(GovNetOpsFactory app, string stoppedOn, int? site = null)
    {
        var admin = await AdminAsync(app);
        await using var db = app.NewDbContext();
        var siteId = site ?? await db.Sites.Where(s => s.LocationClass == LocationClass.Township && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        Assert.True((await RegistryAsync(app, r => r.RegisterAsync(admin, siteId, "王敏", "13803770001", D(stoppedOn)))).IsSuccess);
        foreach (var id in await db.SecurityContacts.Where(c => c.SiteId == siteId && c.StoppedOn == null).Select(c => c.Id).ToListAsync())
        {
            var stopped = await RegistryAsync(app, r => r.StopAsync(admin, id, D(stoppedOn)));
            Assert.True(stopped.IsSuccess, stopped.Error);
        }

        return siteId;
    }

    private static Task<(ContactEscalation Escalation, string JobId)> PlannedAsync(GovNetOpsFactory app, int site, DateTimeOffset dueAt) =>
        TicketDriver.EventuallyAsync(() => Task.FromResult(app.Services.GetRequiredService<ContactEscalationScheduler>().Pending(site) ?? default),
            p => p.Escalation?.DueAt == dueAt, Wait, $"an escalation planned at {dueAt:O}", p => p.Escalation is null ? "none" : $"{p.Escalation.DueAt:O}", app.Diagnostics);

    private static async Task<List<ContactEscalationRecord>> RecordsAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        return await db.ContactEscalations.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static string? JobState(GovNetOpsFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private async Task FireAsync(GovNetOpsFactory app, (ContactEscalation Escalation, string JobId) planned)
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        _time.SetUtcNow(planned.Escalation.DueAt - TimeSpan.FromSeconds(1));
        Assert.True(jobs.Requeue(planned.JobId));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, planned.JobId)), s => s == "Processing", Wait, "the job to start", s => s ?? "no state", app.Diagnostics);
        await Task.Delay(200);
        Assert.DoesNotContain(await RecordsAsync(app), r => r.ContactId == planned.Escalation.ContactId); // never early

        _time.Advance(TimeSpan.FromSeconds(1));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, planned.JobId)), s => s == "Succeeded", Wait, "the job to finish", s => s ?? "no state", app.Diagnostics);
    }

    [Fact]
    public async Task OverdueReRegistration_EscalatesToOpsAtTheDeadline_AfterTheHolidayAndOnTheMakeUpSaturday_ExactlyOnce()
    {
        using var hook = new WebhookListener();
        using var app = Start(hook.Url);

        // Stopped on Wednesday 09-30: 国庆 10-01..07 is not counted, the due day is Thursday 10-08, escalated at its end.
        var site = await StopContactsAsync(app, "2026-09-30");
        var first = await PlannedAsync(app, site, ChinaTime.StartOfDayUtc(D("2026-10-09")));
        await FireAsync(app, first);
        // A retry of the job that has run records nothing more.
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(first.JobId));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, first.JobId)), s => s == "Succeeded", Wait, "the retried job", s => s ?? "no state", app.Diagnostics);

        // Registered late on Friday 10-09, and that successor stops the same day: due on the 调休 Saturday 10-10.
        await StopContactsAsync(app, "2026-10-09", site);
        var second = await PlannedAsync(app, site, ChinaTime.StartOfDayUtc(D("2026-10-11")));
        await FireAsync(app, second);

        var records = await RecordsAsync(app);
        Assert.Equal([ChinaTime.StartOfDayUtc(D("2026-10-09")), ChinaTime.StartOfDayUtc(D("2026-10-11"))], records.Select(r => r.DueAt));
        Assert.All(records, r => Assert.True(r.RecordedAt >= r.DueAt && r.LatenessMs < 5000, $"recorded {r.LatenessMs} ms late"));
        Assert.All(records, r => Assert.Equal((EscalationSource.Scheduled, site), (r.Source, r.SiteId)));
        Assert.Null(app.Services.GetRequiredService<ContactEscalationScheduler>().Pending(site));

        await using var db = app.NewDbContext();
        var siteName = await db.Sites.Where(s => s.Id == site).Select(s => s.Name).SingleAsync();
        var opsIds = await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == AppRoles.Ops select u.Id).ToListAsync();
        Assert.NotEmpty(opsIds);
        var notices = await db.Notifications.AsNoTracking().Where(n => n.Title == $"安全联系人逾期未重新登记：{siteName}").ToListAsync();
        Assert.Equal(opsIds.Order().SelectMany(id => new[] { id, id }), notices.Select(n => n.UserId).Order());
        Assert.All(notices, n => Assert.Equal($"/admin/sites/{site}", n.Link));
        Assert.Contains(notices, n => n.Body.Contains("2026-09-30 停止担任", StringComparison.Ordinal) && n.Body.Contains("2026-10-09 00:00 前", StringComparison.Ordinal));
        var posts = await TicketDriver.EventuallyAsync(() => Task.FromResult(hook.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList()), p => p.Count == 2, Wait,
            "two webhook posts", p => string.Join(" | ", p.Select(x => x.ToJsonString())), app.Diagnostics);
        Assert.All(posts, p => Assert.Equal((ContactEscalationRecorder.Kind, siteName), ((string?)p["kind"], (string?)p["ticketNumber"])));
    }

    [Fact]
    public async Task Restart_CatchesUpTheEscalationThatFellDueWhileDown_Once()
    {
        int site;
        using (var first = Start())
        {
            site = await StopContactsAsync(first, "2026-09-30");
            await PlannedAsync(first, site, ChinaTime.StartOfDayUtc(D("2026-10-09")));
        }

        _time.SetUtcNow(ChinaTime.At(D("2026-10-09"), new TimeOnly(9, 0))); // down across the deadline
        using (var second = Start())
        {
            var records = await TicketDriver.EventuallyAsync(() => RecordsAsync(second), r => r.Count == 1, Wait, "the caught-up escalation",
                r => string.Join(", ", r.Select(x => $"{x.ContactId}@{x.DueAt:O}")), second.Diagnostics);
            Assert.Equal((site, ChinaTime.StartOfDayUtc(D("2026-10-09")), EscalationSource.CatchUp), (records[0].SiteId, records[0].DueAt, records[0].Source));
        }

        using var third = Start();
        await Task.Delay(1000);
        Assert.Single(await RecordsAsync(third));
        Assert.Null(third.Services.GetRequiredService<ContactEscalationScheduler>().Pending(site));
    }

    [Fact]
    public async Task CalendarEdit_MovesThePlannedEscalation_WithoutRestart()
    {
        _time.SetUtcNow(ChinaTime.At(D("2026-12-31"), new TimeOnly(10, 0)));
        using var app = Start();
        var site = await StopContactsAsync(app, "2026-12-31");
        // 2027 not entered: only New Year's Day is known off, so Monday 01-04 is (provisionally) the due day.
        var old = await PlannedAsync(app, site, ChinaTime.StartOfDayUtc(D("2027-01-05")));

        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveCalendarYearHandler>()
                .SaveAsync(await AdminAsync(app), 2027, "国办发明电〔2026〕X号", "2027-01-01~2027-01-04 休 元旦");
            Assert.True(saved.IsSuccess, saved.Error);
        }

        var moved = await PlannedAsync(app, site, ChinaTime.StartOfDayUtc(D("2027-01-06")));
        Assert.NotEqual(old.JobId, moved.JobId);
        Assert.Equal("Deleted", JobState(app, old.JobId));
        await FireAsync(app, moved);
        Assert.Equal([ChinaTime.StartOfDayUtc(D("2027-01-06"))], (await RecordsAsync(app)).Select(r => r.DueAt));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
