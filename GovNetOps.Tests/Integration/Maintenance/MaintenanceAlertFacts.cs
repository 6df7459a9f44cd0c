using GovNetOps.Domain.Maintenance;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Maintenance.Alerts;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Maintenance;

/// <summary>The approval reminder (30 min before the start of an undecided notice) and the overrun alert (work still
/// running at the planned end) fire by their own on-time jobs at the exact instant, exactly once, and survive a restart.
/// Hangfire runs for real; the tests stand in for its scheduler (requeue a little before the instant) and move the fake clock.</summary>
public sealed class MaintenanceAlertFacts : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _folder = TestPaths.NewTempFolder();
    private string DatabasePath => Path.Combine(_folder, "govnetops.db");

    // On a PostgreSQL run, every life of the app in a test uses this one database (as they share the SQLite file).
    private readonly string? _postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;

    /// <summary>A life of the app over this test's database file (the file outlives it).</summary>
    private async Task<TicketApp> StartAsync(DateTimeOffset now)
    {
        var app = new TicketApp();
        app.Factory.Settings["Database:Path"] = DatabasePath;
        if (_postgreSql is not null)
        {
            app.Factory.Settings["Database:ConnectionString"] = _postgreSql;
        }
        // The sweep has its own mechanism; here every record must come from a job (scheduled or caught up at start-up).
        app.Factory.Settings["Maintenance:SweepInterval"] = "1.00:00:00";
        app.Factory.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        app.Clock.SetUtcNow(now);
        await app.InitializeAsync();
        return app;
    }

    private static MaintenanceAlertScheduler Scheduler(TicketApp app) => app.Services.GetRequiredService<MaintenanceAlertScheduler>();

    private static string? JobState(TicketApp app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static async Task<List<MaintenanceAlertRecord>> AlertsAsync(TicketApp app, long noticeId)
    {
        await using var db = app.NewDbContext();
        return await MaintenanceApp.AlertsAsync(db, noticeId);
    }

    /// <summary>What Hangfire's scheduler does a little before the instant; checks nothing is recorded early, then moves the
    /// fake clock to the instant and waits for the job.</summary>
    private static async Task FireAsync(TicketApp app, long noticeId, (MaintenanceAlert Alert, string JobId) planned)
    {
        app.Clock.SetUtcNow(planned.Alert.DueAt - TimeSpan.FromSeconds(1));
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(planned.JobId));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, planned.JobId)), s => s == "Processing", Wait, "the alert job to start",
            s => s ?? "no state", app.Factory.Diagnostics);
        await Task.Delay(200);
        Assert.Empty(await AlertsAsync(app, noticeId)); // never early

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(app, planned.JobId)), s => s == "Succeeded", Wait, "the alert job to finish",
            s => s ?? "no state", app.Factory.Diagnostics);
    }

    [Fact]
    public async Task ApprovalReminder_FiresOnceAtStartMinusThirtyMinutes_AndNotifiesOpsOnly()
    {
        await using var app = await StartAsync(TicketApp.Start);
        var (notice, _) = await app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        var planned = await TicketDriver.EventuallyAsync(() => Task.FromResult(Scheduler(app).Pending(notice.Id)), p => p.Count == 1, Wait, "the reminder to be planned");
        Assert.Equal((MaintenanceAlertKind.ApprovalReminder, TicketApp.Start + TimeSpan.FromMinutes(150)), (planned[0].Alert.Kind, planned[0].Alert.DueAt));

        await FireAsync(app, notice.Id, planned[0]);
        // The job again (a retry), and a re-plan as at start-up: nothing more.
        await app.Services.GetRequiredService<MaintenanceAlertJob>().RunAsync(notice.Id, MaintenanceAlertKind.ApprovalReminder,
            planned[0].Alert.DueAt.UtcTicks, EscalationSource.Scheduled, CancellationToken.None);
        await Scheduler(app).RebuildAsync();

        var alert = Assert.Single(await AlertsAsync(app, notice.Id));
        Assert.Equal((planned[0].Alert.DueAt, planned[0].Alert.DueAt, EscalationSource.Scheduled), (alert.DueAt, alert.RecordedAt, alert.Source));
        Assert.Empty(Scheduler(app).Pending(notice.Id));
        await using var db = app.NewDbContext();
        var notified = await db.Notifications.Where(n => n.Link == $"/maintenance/{notice.Number}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync();
        Assert.Equal(["ops"], notified);
    }

    [Fact]
    public async Task ApprovalReminder_IsCancelled_WhenOpsDecidesInTime()
    {
        await using var app = await StartAsync(TicketApp.Start);
        var (notice, _) = await app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        var planned = await TicketDriver.EventuallyAsync(() => Task.FromResult(Scheduler(app).Pending(notice.Id)), p => p.Count == 1, Wait, "the reminder to be planned");

        Assert.True((await app.DecideAsync(notice.Id, true, app.Ops)).IsSuccess);

        await TicketDriver.EventuallyAsync(() => Task.FromResult(Scheduler(app).Pending(notice.Id)), p => p.Count == 0, Wait, "the reminder to be cancelled");
        app.Clock.SetUtcNow(planned[0].Alert.DueAt + TimeSpan.FromMinutes(1));
        Assert.False(await app.Services.GetRequiredService<MaintenanceAlertRecorder>().RecordAsync(planned[0].Alert, EscalationSource.Sweep));
        Assert.Empty(await AlertsAsync(app, notice.Id));
    }

    [Fact]
    public async Task ApprovalReminder_DueWhileTheAppWasDown_IsCaughtUpOnceAtRestart()
    {
        long noticeId;
        await using (var first = await StartAsync(TicketApp.Start))
        {
            noticeId = (await first.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1))).Notice.Id;
        }

        SqliteConnection.ClearAllPools();
        // Down from 09:00 until 11:45 China time; the reminder fell due at 11:30.
        await using (var second = await StartAsync(TicketApp.Start + TimeSpan.FromMinutes(165)))
        {
            var alerts = await TicketDriver.EventuallyAsync(() => AlertsAsync(second, noticeId), a => a.Count == 1, Wait, "the caught-up reminder",
                a => $"{a.Count} alerts", second.Factory.Diagnostics);
            Assert.Equal((TicketApp.Start + TimeSpan.FromMinutes(150), EscalationSource.CatchUp), (alerts[0].DueAt, alerts[0].Source));
            Assert.Equal(TicketApp.Start + TimeSpan.FromMinutes(165), alerts[0].RecordedAt);
        }

        SqliteConnection.ClearAllPools();
        await using (var third = await StartAsync(TicketApp.Start + TimeSpan.FromMinutes(170)))
        {
            await TicketDriver.EventuallyAsync(() => Task.FromResult(third.Logs.Tail()), t => t.Contains("Maintenance alert schedule rebuilt for 1 active notices", StringComparison.Ordinal),
                Wait, "the start-up re-plan");
            await Task.Delay(1000); // time for any catch-up job the re-plan might (wrongly) queue
            Assert.Single(await AlertsAsync(third, noticeId));
        }
    }

    [Fact]
    public async Task Overrun_FiresAtThePlannedEnd_NotifiesOpsAndTheCarrier_AndIsOnTheCarrierRecord()
    {
        await using var app = await StartAsync(TicketApp.Start);
        var (notice, site) = await app.FileTelecomAsync(TimeSpan.FromHours(2), TimeSpan.FromHours(1));
        var (finished, _) = await app.FileTelecomAsync(TimeSpan.FromHours(2), TimeSpan.FromHours(1));
        Assert.True((await app.DecideAsync(notice.Id, true, app.Ops)).IsSuccess);
        Assert.True((await app.DecideAsync(finished.Id, true, app.Ops)).IsSuccess);
        app.Clock.SetUtcNow(TicketApp.Start + TimeSpan.FromHours(2));
        Assert.True((await app.StartWorkAsync(notice.Id, app.Telecom)).IsSuccess);
        Assert.True((await app.StartWorkAsync(finished.Id, app.Telecom)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        Assert.True((await app.FinishWorkAsync(finished.Id, app.Telecom)).IsSuccess);
        var planned = await TicketDriver.EventuallyAsync(() => Task.FromResult(Scheduler(app).Pending(notice.Id)),
            p => p.Count == 1 && p[0].Alert.Kind == MaintenanceAlertKind.Overrun, Wait, "the overrun alert to be planned");
        Assert.Equal(TicketApp.Start + TimeSpan.FromHours(3), planned[0].Alert.DueAt);
        await TicketDriver.EventuallyAsync(() => Task.FromResult(Scheduler(app).Pending(finished.Id)), p => p.Count == 0, Wait, "no alert for finished work");

        await FireAsync(app, notice.Id, planned[0]);

        var alert = Assert.Single(await AlertsAsync(app, notice.Id));
        Assert.Equal(MaintenanceAlertKind.Overrun, alert.Kind);
        Assert.Empty(await AlertsAsync(app, finished.Id));
        var violation = Assert.Single(await app.ViolationsAsync());
        Assert.Equal((TicketApp.TelecomId, CarrierViolationKind.Overrun, notice.Id, planned[0].Alert.DueAt, site.ToString()),
            (violation.CarrierId, violation.Kind, violation.NoticeId!.Value, violation.OccurredAt, violation.SiteIds));
        await using var db = app.NewDbContext();
        var notified = await db.Notifications.Where(n => n.Link == $"/maintenance/{notice.Number}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).OrderBy(n => n).ToListAsync();
        Assert.Equal(["ops", "telecom"], notified);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
