using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Integration;

/// <summary>Hangfire's in-memory storage forgets everything when the process dies; the database
/// does not. Real processes, killed with SIGKILL, real time.</summary>
public sealed class EscalationRestartFacts : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();
    private string DatabasePath => Path.Combine(_folder, "govnetops.db");

    // On a PostgreSQL run the processes, and the test's own services, share this database instead of the file.
    private readonly string? _postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;

    private Dictionary<string, string>? ProcessSettings => _postgreSql is null ? null : new()
    {
        ["Database__Provider"] = "PostgreSql",
        ["Database__ConnectionString"] = _postgreSql,
    };

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    [Fact]
    public async Task Restart_RecordsEveryStepThatFellDueWhileDown_ExactlyOnce_AndFutureStepsStillFire()
    {
        // First start: migrations and demo data; then the app dies.
        await using (var first = await AppProcess.StartAsync(DatabasePath, ProcessSettings))
        {
            await first.KillAsync();
        }

        // While it is down, ops reports two faults through the app's own ticket service, back-dated
        // to the real call times: one breaches its response clock during the outage, one soon after.
        await using var offline = OfflineServices();
        var now = TimeProvider.System.GetUtcNow();
        var breachedWhileDown = await ReportAsync(offline, now - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(3));
        var breachesAfterRestart = await ReportAsync(offline, now - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(35));
        SqliteConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(4)); // the first breach falls due while nothing runs

        await using (var second = await AppProcess.StartAsync(DatabasePath, ProcessSettings))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < now + TimeSpan.FromSeconds(32),
                "the app took too long to restart for the second breach to lie ahead of it");
            // Catch-up: both tickets' reminder and warning, and the first ticket's breach, recorded late at once.
            var caughtUp = (await TicketDriver.EventuallyAsync(RecordsAsync, r => r.Count(IsCatchUpStep) == 5, TimeSpan.FromSeconds(60), "five catch-up records",
                    TicketDriver.Describe, () => Tail(second.Output)))
                .Where(IsCatchUpStep).ToList();
            Assert.All(caughtUp, r => Assert.Equal(EscalationSource.CatchUp, r.Source));
            var late = caughtUp.Single(r => r.TicketId == breachedWhileDown && r.Level == EscalationLevel.Breach);
            Assert.True(late.LatenessMs >= 1000, $"due while down, recorded {late.LatenessMs} ms late");
            Assert.Equal(late.DueAt + TimeSpan.FromMilliseconds(late.LatenessMs), late.RecordedAt, TimeSpan.FromMilliseconds(1));

            // The future breach was rescheduled from the database and fires on time by its own job.
            var all = await TicketDriver.EventuallyAsync(RecordsAsync, r => r.Count >= 6, TimeSpan.FromSeconds(40), "the future breach",
                TicketDriver.Describe, () => Tail(second.Output));
            var onTime = all.Single(r => r.TicketId == breachesAfterRestart && r.Level == EscalationLevel.Breach);
            Assert.Equal(EscalationSource.Scheduled, onTime.Source);
            Assert.InRange(onTime.LatenessMs, 0, 999);
            await second.KillAsync();
        }

        // A third start finds everything recorded and records nothing twice.
        await using (var third = await AppProcess.StartAsync(DatabasePath, ProcessSettings))
        {
            await third.WaitForOutputAsync("Escalation schedule rebuilt for 2 open tickets", TimeSpan.FromSeconds(20));
            await Task.Delay(TimeSpan.FromSeconds(2)); // time for any catch-up job the rebuild might (wrongly) queue
            await third.KillAsync();
        }

        var records = await RecordsAsync();
        var expected = new[] { breachedWhileDown, breachesAfterRestart }
            .SelectMany(t => new[] { EscalationLevel.Reminder, EscalationLevel.Warning, EscalationLevel.Breach }.Select(l => (t, ClockKind.Response, l, 0)))
            .OrderBy(x => x).ToList();
        Assert.Equal(expected, records.Select(r => (r.TicketId, r.Clock, r.Level, r.Repeat)).OrderBy(x => x).ToList());

        bool IsCatchUpStep(EscalationRecord r) => !(r.TicketId == breachesAfterRestart && r.Level == EscalationLevel.Breach);
    }

    private async Task<List<EscalationRecord>> RecordsAsync()
    {
        await using var db = TestDatabase.Open($"Data Source={DatabasePath}", _postgreSql);
        return await db.EscalationRecords.AsNoTracking().OrderBy(r => r.DueAt).ToListAsync();
    }

    /// <summary>The app's ticket services over the database, without the app (no jobs, no server).</summary>
    private ServiceProvider OfflineServices() => OfflineTickets.Services(DatabasePath, _postgreSql);

    private static Task<Guid> ReportAsync(IServiceProvider services, DateTimeOffset reportedAt) => OfflineTickets.ReportAsync(services, reportedAt);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
