using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Escalation;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Cluster;

/// <summary>Two app instances on one real PostgreSQL database (shared Hangfire storage) plan one ticket: the plan lives
/// in the database, so whichever instance the ticket changes on re-plans against the other's steps and jobs.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Provider", "OwnPostgreSql")]
public sealed class ClusterEscalationPlanFacts
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Plan_StaysOneWithNoStaleJob_WhenATicketReportedOnOneInstanceChangesOnTheOther()
    {
        // One clock for both instances, standing still: no step falls due while the test runs.
        var time = new FakeTimeProvider(T0);
        var database = TestPostgres.NewDatabase("plan");
        await using var a = Instance(database, time);
        a.CreateClient().Dispose(); // A migrates and seeds first; B finds it done
        await using var b = Instance(database, time);
        b.CreateClient().Dispose();
        var logged = (A: a.Logs.Lines.Count, B: b.Logs.Lines.Count);
        var onA = new TicketDriver(a.Services);
        var onB = new TicketDriver(b.Services);
        var schedulerA = a.Services.GetRequiredService<EscalationScheduler>();
        var schedulerB = b.Services.GetRequiredService<EscalationScheduler>();

        var site = await onA.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await onA.ReportAsync(site, T0);
        var first = await schedulerA.PendingAsync(id);
        Assert.Equal(8, first.Count); // reminder, warning, breach and first re-notification of each clock

        // On B: acknowledged (the response steps go), then a complex repair approved (the repair steps move).
        time.Advance(TimeSpan.FromMinutes(10));
        await onB.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);
        time.Advance(TimeSpan.FromMinutes(10));
        await onB.ApplyAsync(id, "telecom", TicketTrigger.RequestComplex, "主干光缆被挖断，需重新熔接");
        time.Advance(TimeSpan.FromMinutes(10));
        await onB.ApplyAsync(id, "ops", TicketTrigger.ApproveComplex);

        // One plan, the same read from either instance: the moved repair steps only.
        var plan = await schedulerA.PendingAsync(id);
        Assert.Equal(plan, await schedulerB.PendingAsync(id));
        Assert.Equal(
        [
            (ClockKind.Repair, EscalationLevel.Reminder, 0, T0 + TimeSpan.FromHours(24)), // 50 % of 48 h from the report
            (ClockKind.Repair, EscalationLevel.Warning, 0, T0 + TimeSpan.FromMinutes(48 * 60 * 0.8)),
            (ClockKind.Repair, EscalationLevel.Breach, 0, T0 + TimeSpan.FromHours(48)),
            (ClockKind.Repair, EscalationLevel.Renotify, 1, T0 + TimeSpan.FromHours(50)),
        ], plan.Select(p => (p.Step.Clock, p.Step.Level, p.Step.Repeat, p.Step.DueAt)));

        // Every job A scheduled was deleted by B, and the jobs still to run for the ticket are the plan's, one per step.
        var storage = a.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            Assert.All(first, p => Assert.Equal("Deleted", connection.GetStateData(p.JobId)?.Name));
        }
        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(EscalationJob) && Equals(j.Value.Job.Args[0], id)).Select(j => j.Key);
        Assert.Equal(plan.Select(p => p.JobId).Order(), scheduled.Order());

        // Nothing logged as an error by either instance since both were up.
        var errors = a.Logs.Lines.Skip(logged.A).Concat(b.Logs.Lines.Skip(logged.B)).Where(l => l.Level >= LogLevel.Error)
            .Select(l => $"{l.Category}: {l.Message} {l.Exception}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Rebuild_SchedulesAgainOnlyTheStepWhoseJobIsGone_WhenTheJobsSurvivedInTheSharedStorage()
    {
        var time = new FakeTimeProvider(T0);
        var database = TestPostgres.NewDatabase("plan");
        await using var a = Instance(database, time);
        a.CreateClient().Dispose();
        await using var b = Instance(database, time);
        b.CreateClient().Dispose();
        var onA = new TicketDriver(a.Services);
        var site = await onA.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await onA.ReportAsync(site, T0);
        var before = await a.Services.GetRequiredService<EscalationScheduler>().PendingAsync(id);
        var lost = before[0];
        Assert.True(a.Services.GetRequiredService<IBackgroundJobClient>().Delete(lost.JobId)); // gone from the storage

        // What the instance that takes the lead does at start-up, here on B.
        var schedulerB = b.Services.GetRequiredService<EscalationScheduler>();
        await schedulerB.RebuildAsync();

        var after = await schedulerB.PendingAsync(id);
        Assert.Equal(before.Select(p => p.Step), after.Select(p => p.Step));
        Assert.Equal(before.Skip(1).Select(p => p.JobId), after.Skip(1).Select(p => p.JobId)); // live jobs kept, none doubled
        Assert.NotEqual(lost.JobId, after[0].JobId);
        var storage = b.Services.GetRequiredService<JobStorage>();
        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(EscalationJob) && Equals(j.Value.Job.Args[0], id)).Select(j => j.Key);
        Assert.Equal(after.Select(p => p.JobId).Order(), scheduled.Order());
    }

    private static GovNetOpsFactory Instance(string database, TimeProvider time)
    {
        var app = new GovNetOpsFactory(postgreSqlConnectionString: database) { Time = time };
        // Every record here would come from a step's own job; none is due, and the sweep would only re-plan.
        app.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        return app;
    }
}
