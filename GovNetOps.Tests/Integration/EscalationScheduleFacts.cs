using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration;

/// <summary>The escalation jobs on a fake clock: every step fires at its instant (never before),
/// and re-planning follows the ticket's clocks. Hangfire runs for real; the tests stand in for its
/// scheduler by re-queueing a step's job when the fake clock reaches the job's start.</summary>
public sealed class EscalationScheduleFacts : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly GovNetOpsFactory _app = new();
    private TicketDriver _driver = default!;

    public Task InitializeAsync()
    {
        _app.Time = _time;
        // The sweep has its own fact; here every record must come from the step's own job.
        _app.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        _app.CreateClient().Dispose();
        _driver = new TicketDriver(_app.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private EscalationScheduler Scheduler => _app.Services.GetRequiredService<EscalationScheduler>();
    private IBackgroundJobClient Jobs => _app.Services.GetRequiredService<IBackgroundJobClient>();

    private string? JobState(string jobId)
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    // The whole township ladder (response 1 h, repair 6 h) in order: (clock, level, repeat, offset from the report).
    public static readonly (ClockKind Clock, EscalationLevel Level, int Repeat, TimeSpan At)[] TownshipLadder =
    [
        (ClockKind.Response, EscalationLevel.Reminder, 0, TimeSpan.FromMinutes(30)),
        (ClockKind.Response, EscalationLevel.Warning, 0, TimeSpan.FromMinutes(48)),
        (ClockKind.Response, EscalationLevel.Breach, 0, TimeSpan.FromHours(1)),
        (ClockKind.Response, EscalationLevel.Renotify, 1, TimeSpan.FromHours(3)), // two steps at one instant
        (ClockKind.Repair, EscalationLevel.Reminder, 0, TimeSpan.FromHours(3)),
        (ClockKind.Repair, EscalationLevel.Warning, 0, TimeSpan.FromMinutes(288)), // 80 % of 6 h = 4 h 48 min
        (ClockKind.Response, EscalationLevel.Renotify, 2, TimeSpan.FromHours(5)),
        (ClockKind.Repair, EscalationLevel.Breach, 0, TimeSpan.FromHours(6)),
        (ClockKind.Response, EscalationLevel.Renotify, 3, TimeSpan.FromHours(7)),
        (ClockKind.Repair, EscalationLevel.Renotify, 1, TimeSpan.FromHours(8)),
    ];

    [Fact]
    public async Task Ladder_FiresEveryStepInOrderAtItsInstant_ForATownshipTicket()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);

        foreach (var group in TownshipLadder.GroupBy(s => s.At))
        {
            var pending = await Scheduler.PendingAsync(id);
            var next = pending.Where(p => p.Step.DueAt == pending.Min(q => q.Step.DueAt)).ToList();
            Assert.Equal(T0 + group.Key, next[0].Step.DueAt);
            Assert.Equal(group.Select(s => (s.Clock, s.Level, s.Repeat)).OrderBy(x => x),
                next.Select(p => (p.Step.Clock, p.Step.Level, p.Step.Repeat)).OrderBy(x => x));

            await FireAsync(id, next);
        }

        var records = await _driver.RecordsAsync(id);
        Assert.Equal(TownshipLadder.Select(s => (s.Clock, s.Level, s.Repeat, T0 + s.At)),
            records.OrderBy(r => r.DueAt).ThenBy(r => r.Clock).Select(r => (r.Clock, r.Level, r.Repeat, r.DueAt)));
        Assert.All(records, r =>
        {
            Assert.Equal(r.DueAt, r.RecordedAt); // on the instant: the fake clock stood still at it
            Assert.Equal(0, r.LatenessMs);
            Assert.Equal(EscalationSource.Scheduled, r.Source);
        });
    }

    /// <summary>Does what Hangfire's scheduler does at the job's start (a little before the instant),
    /// checks nothing is recorded early, then moves the clock to the instant.</summary>
    private Task FireAsync(Guid ticketId, IReadOnlyList<EscalationScheduler.PlannedStep> steps) =>
        FireAsync(steps, () => _driver.RecordsAsync(ticketId));

    private async Task FireAsync(IReadOnlyList<EscalationScheduler.PlannedStep> steps, Func<Task<List<EscalationRecord>>> records)
    {
        var dueAt = steps[0].Step.DueAt;
        _time.SetUtcNow(dueAt - TimeSpan.FromSeconds(1));
        foreach (var p in steps)
        {
            Assert.True(Jobs.Requeue(p.JobId));
        }

        foreach (var p in steps)
        {
            await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(p.JobId)), s => s == "Processing", Wait, $"job {p.JobId} to start", s => s ?? "no state", _app.Diagnostics);
        }

        await Task.Delay(200);
        Assert.DoesNotContain(await records(), r => r.DueAt == dueAt); // never early

        _time.Advance(TimeSpan.FromSeconds(1));
        foreach (var p in steps)
        {
            await TicketDriver.EventuallyAsync(() => Task.FromResult(JobState(p.JobId)), s => s == "Succeeded", Wait, $"job {p.JobId} to finish", s => s ?? "no state", _app.Diagnostics);
        }

        Assert.Equal(steps.Count, (await records()).Count(r => r.DueAt == dueAt));
    }

    [Fact]
    public async Task Burst_RecordsEveryStepOnceAtItsInstant_WhenThirtyTicketsFallDueTogether()
    {
        // One outage, many sites: thirty tickets with one report time; their response reminders fall due together.
        await using (var db = _app.NewDbContext())
        {
            var sites = await db.Sites.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            var ids = new List<Guid>();
            for (var i = 0; i < 30; i++)
            {
                ids.Add((await _driver.ReportAsync(sites[i % sites.Count], T0)).Id);
            }

            var reminders = (await Task.WhenAll(ids.Select(id => Scheduler.PendingAsync(id)))).Select(plan => plan.First(p => p.Step.Clock == ClockKind.Response && p.Step.Level == EscalationLevel.Reminder)).ToList();
            var dueAt = T0 + TimeSpan.FromMinutes(30);
            Assert.All(reminders, p => Assert.Equal(dueAt, p.Step.DueAt));
            await FireAsync(reminders, () => _driver.RecordsAsync());

            var records = (await _driver.RecordsAsync()).Where(r => r.DueAt == dueAt).ToList();
            Assert.Equal(ids.Order(), records.Select(r => r.TicketId).Order()); // every ticket once, none twice
            Assert.All(records, r =>
            {
                Assert.Equal((ClockKind.Response, EscalationLevel.Reminder, 0), (r.Clock, r.Level, r.Repeat));
                Assert.Equal(dueAt, r.RecordedAt); // never early, on the instant
                Assert.Equal(EscalationSource.Scheduled, r.Source);
            });
            var notified = await db.Notifications.AsNoTracking().Where(n => n.EscalationRecordId != null)
                .GroupBy(n => n.EscalationRecordId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count);
            Assert.All(records, r => Assert.Equal(r.NotifiedUsers, notified.GetValueOrDefault(r.Id)));
        }
    }

    [Fact]
    public async Task Acknowledge_CancelsThePendingResponseSteps()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var before = await Scheduler.PendingAsync(id);
        var response = before.Where(p => p.Step.Clock == ClockKind.Response).ToList();
        Assert.Equal(4, response.Count); // reminder, warning, breach, first re-notification

        _time.Advance(TimeSpan.FromMinutes(10));
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);

        var after = await Scheduler.PendingAsync(id);
        Assert.DoesNotContain(after, p => p.Step.Clock == ClockKind.Response);
        Assert.All(response, p => Assert.Equal("Deleted", JobState(p.JobId)));
        // The repair clock runs on: its jobs were left alone.
        Assert.Equal(before.Where(p => p.Step.Clock == ClockKind.Repair).Select(p => p.JobId), after.Select(p => p.JobId));

        // A cancelled job that runs anyway (it was already waiting) re-checks the ticket and records nothing.
        _time.SetUtcNow(T0 + TimeSpan.FromMinutes(30));
        using var scope = _app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<EscalationJob>();
        var reminder = response[0].Step;
        await job.RunAsync(id, reminder.Clock, reminder.Level, reminder.Repeat, reminder.DueAt.UtcTicks, EscalationSource.Scheduled, CancellationToken.None);
        Assert.Empty(await _driver.RecordsAsync(id));
    }

    [Fact]
    public async Task Cancel_CancelsEveryPendingStep()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var before = await Scheduler.PendingAsync(id);

        _time.Advance(TimeSpan.FromMinutes(5));
        await _driver.ApplyAsync(id, "ops", TicketTrigger.Cancel, "重复申告");

        Assert.Empty(await Scheduler.PendingAsync(id));
        Assert.All(before, p => Assert.Equal("Deleted", JobState(p.JobId)));
    }

    [Fact]
    public async Task ComplexApproval_ReplansTheRepairSteps()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var oldRepair = (await Scheduler.PendingAsync(id)).Where(p => p.Step.Clock == ClockKind.Repair).ToList();
        Assert.Equal(T0 + TimeSpan.FromHours(6), oldRepair.Single(p => p.Step.Level == EscalationLevel.Breach).Step.DueAt);

        _time.Advance(TimeSpan.FromMinutes(10));
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);
        _time.Advance(TimeSpan.FromMinutes(10));
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.RequestComplex, "主干光缆被挖断，需重新熔接");
        _time.Advance(TimeSpan.FromMinutes(10));
        await _driver.ApplyAsync(id, "ops", TicketTrigger.ApproveComplex);

        var repair = (await Scheduler.PendingAsync(id)).Where(p => p.Step.Clock == ClockKind.Repair)
            .Select(p => (p.Step.Level, p.Step.Repeat, p.Step.DueAt)).ToList();
        Assert.Equal(
        [
            (EscalationLevel.Reminder, 0, T0 + TimeSpan.FromHours(24)), // 50 % of 48 h from the report
            (EscalationLevel.Warning, 0, T0 + TimeSpan.FromMinutes(48 * 60 * 0.8)),
            (EscalationLevel.Breach, 0, T0 + TimeSpan.FromHours(48)),
            (EscalationLevel.Renotify, 1, T0 + TimeSpan.FromHours(50)),
        ], repair);
        Assert.All(oldRepair, p => Assert.Equal("Deleted", JobState(p.JobId)));
    }

    [Fact]
    public async Task BackdatedReport_CatchesUpTheStepsAlreadyDue_AndNotifiesTheirRecipients()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await _driver.ReportAsync(site, T0 - TimeSpan.FromMinutes(50));

        var records = await TicketDriver.EventuallyAsync(() => _driver.RecordsAsync(id), r => r.Count == 2, Wait, "two catch-up records", TicketDriver.Describe, _app.Diagnostics);

        Assert.Equal([EscalationLevel.Reminder, EscalationLevel.Warning], records.Select(r => r.Level));
        Assert.All(records, r => Assert.Equal(EscalationSource.CatchUp, r.Source));
        Assert.Equal([20 * 60_000L, 2 * 60_000L], records.Select(r => r.LatenessMs)); // due 20 and 2 minutes before the report was logged
        await using var db = _app.NewDbContext();
        var notified = await db.Notifications.AsNoTracking().Where(n => n.EscalationRecordId != null).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Title, n.Link })
            .OrderBy(x => x.UserName).ToListAsync();
        // Reminder → the carrier's engineers; warning → the ops duty officer (the manager has no account).
        Assert.Equal([("ops", $"【预警】{number} 响应时限"), ("telecom", $"【提醒】{number} 响应时限")], notified.Select(n => (n.UserName!, n.Title)));
        Assert.All(notified, n => Assert.Equal($"/tickets/{number}", n.Link));
    }

    [Fact]
    public async Task Record_IsStoredOnce_WhenTheSameStepRunsConcurrently()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var reminder = (await Scheduler.PendingAsync(id)).First().Step;
        _time.SetUtcNow(reminder.DueAt);
        var recorder = _app.Services.GetRequiredService<EscalationRecorder>();

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => recorder.CarryOutAsync(id, reminder.Clock, reminder.Level, reminder.Repeat, reminder.DueAt, EscalationSource.Scheduled))));

        Assert.Single(runs, stored => stored);
        var record = Assert.Single(await _driver.RecordsAsync(id));
        await using var db = _app.NewDbContext();
        Assert.Equal(record.NotifiedUsers, await db.Notifications.CountAsync(n => n.EscalationRecordId == record.Id));
    }

    [Fact]
    public async Task Record_Refuses_BeforeTheStepsInstant()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var reminder = (await Scheduler.PendingAsync(id)).First().Step;
        _time.SetUtcNow(reminder.DueAt - TimeSpan.FromTicks(1));
        var recorder = _app.Services.GetRequiredService<EscalationRecorder>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.RecordAsync(reminder, EscalationSource.Scheduled));

        Assert.Empty(await _driver.RecordsAsync(id));
    }

    [Fact]
    public async Task Sweep_RecordsAStepWhoseJobWentMissing()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, T0);
        var reminder = (await Scheduler.PendingAsync(id)).First();
        Jobs.Delete(reminder.JobId); // lost
        _time.SetUtcNow(reminder.Step.DueAt + TimeSpan.FromSeconds(6)); // past the 5 s grace

        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EscalationSweepJob>().RunAsync(CancellationToken.None);

        var record = Assert.Single(await _driver.RecordsAsync(id));
        Assert.Equal((EscalationLevel.Reminder, EscalationSource.Sweep, 6000L), (record.Level, record.Source, record.LatenessMs));
    }
}
