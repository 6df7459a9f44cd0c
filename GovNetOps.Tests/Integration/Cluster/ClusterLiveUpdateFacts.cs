using System.Diagnostics;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovNetOps.Tests.Integration.Cluster;

/// <summary>Two app instances on one real PostgreSQL database: a change committed on one reaches the other's
/// subscribers (boards, queues, pages, bells) through LISTEN/NOTIFY, and /health includes the listener.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Provider", "OwnPostgreSql")]
public sealed class ClusterLiveUpdateFacts(ITestOutputHelper output)
{
    [Fact]
    public async Task ReportAsync_OnInstanceA_ReachesTicketSubscribersOnInstanceB_WithinOneSecond()
    {
        var database = TestPostgres.NewDatabase("live");
        await using var a = new GovNetOpsFactory(postgreSqlConnectionString: database);
        a.CreateClient().Dispose();
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        using var healthOnB = b.CreateClient();
        await HealthyAsync(healthOnB);

        using var scope = a.Services.CreateScope();
        var onA = TicketUseCases.From(scope.ServiceProvider);
        var site = (await onA.SitesAsync())[0];
        var ops = await onA.UserAsync("ops");
        // The first report warms both paths up (JIT, the sender's first connection); the second is measured.
        var warmUp = await onA.ReportAsync(IntakeFormBuilder.At(site.Id, TimeProvider.System.GetUtcNow()).Build(), ops);
        Assert.True(warmUp.IsSuccess, warmUp.Error);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var arrivedOnB = new TaskCompletionSource<TicketChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = b.Services.GetRequiredService<Notifier<TicketChanged>>().Subscribe(c =>
        {
            arrivedOnB.TrySetResult(c);
            return Task.CompletedTask;
        });
        var onAItself = new System.Collections.Concurrent.ConcurrentQueue<TicketChanged>();
        using var subscriptionOnA = a.Services.GetRequiredService<Notifier<TicketChanged>>().Subscribe(c =>
        {
            onAItself.Enqueue(c);
            return Task.CompletedTask;
        });
        var form = IntakeFormBuilder.At(site.Id, TimeProvider.System.GetUtcNow()).Build();

        var watch = Stopwatch.StartNew();
        var reported = await onA.ReportAsync(form, ops);
        var committed = watch.Elapsed;
        var change = await arrivedOnB.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var arrived = watch.Elapsed;

        Assert.True(reported.IsSuccess, reported.Error);
        Assert.Equal(reported.Value, change.Number);
        output.WriteLine($"report committed on A after {committed.TotalMilliseconds:F0} ms; on B's subscribers {(arrived - committed).TotalMilliseconds:F0} ms after the commit");
        Assert.True(arrived - committed < TimeSpan.FromSeconds(1), $"arrived on B {(arrived - committed).TotalMilliseconds:F0} ms after A's commit");
        // A published its own change once, locally; its listener skipped the notification of its own row.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(onAItself, c => c.Number == reported.Value);
    }

    /// <summary>What each instance holds in memory follows what another stored: a new SLA version (with its ladder) is in
    /// B's book, an edited calendar year in B's calendar, and a unit cut off on A reaches B's boards, each within a second
    /// of A's commit — so no instance computes deadlines by rules another has replaced.</summary>
    [Fact]
    public async Task VersionCalendarAndConnection_StoredOnA_AreInForceOnB_WithinOneSecond()
    {
        var database = TestPostgres.NewDatabase("config");
        await using var a = new GovNetOpsFactory(postgreSqlConnectionString: database);
        a.CreateClient().Dispose();
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        using var healthOnB = b.CreateClient();
        await HealthyAsync(healthOnB);
        var bookOnB = b.Services.GetRequiredService<GovNetOps.Domain.Sla.SlaPolicyBook>();
        var calendarOnB = b.Services.GetRequiredService<GovNetOps.Web.Infrastructure.Calendar.WorkingCalendarSource>();
        var next = bookOnB.NextVersion;
        Assert.False(calendarOnB.Current.IsKnownYear(2031));
        var cutOff = new TaskCompletionSource<GovNetOps.Web.Features.Applications.Findings.SiteConnectionChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = b.Services.GetRequiredService<Notifier<GovNetOps.Web.Features.Applications.Findings.SiteConnectionChanged>>().Subscribe(c =>
        {
            cutOff.TrySetResult(c);
            return Task.CompletedTask;
        });

        var now = TimeProvider.System.GetUtcNow();
        var policy = new GovNetOps.Domain.Sla.SlaPolicy { Version = next, EffectiveFrom = now.AddDays(1), Response = TimeSpan.FromMinutes(45) }
            .WithEscalation(new GovNetOps.Domain.Sla.EscalationPolicy { RenotifyEvery = TimeSpan.FromHours(1) });
        int siteId;
        var watch = Stopwatch.StartNew();
        await using (var db = await a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.SlaPolicyVersions.Add(GovNetOps.Web.Infrastructure.Sla.SlaPolicyStore.ToRecord(policy, now, "test", keepLadder: true));
            db.CalendarYears.Add(new CalendarYearRecord
            {
                Year = 2031, Notice = "国务院办公厅关于2031年部分节假日安排的通知", UpdatedAt = now,
                Days = [new CalendarDayRecord { Year = 2031, Date = new DateOnly(2031, 1, 1), Off = true, Name = "元旦" }],
            });
            var site = await db.Sites.OrderBy(x => x.Id).FirstAsync();
            site.Status = GovNetOps.Domain.Registry.SiteConnectionStatus.DisconnectedForRectification;
            siteId = site.Id;
            await db.SaveChangesAsync();
        }
        var committed = watch.Elapsed;

        var heard = await cutOff.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(siteId, heard.SiteId);
        Assert.Equal(GovNetOps.Domain.Registry.SiteConnectionStatus.DisconnectedForRectification, heard.Status);
        await TicketDriver.EventuallyAsync(() => Task.FromResult(bookOnB.TryGetVersion(next, out var v) ? v : null), v => v is not null,
            TimeSpan.FromSeconds(5), $"version {next} in B's book");
        await TicketDriver.EventuallyAsync(() => Task.FromResult(calendarOnB.Current.IsKnownYear(2031)), known => known,
            TimeSpan.FromSeconds(5), "2031 in B's calendar");
        var arrived = watch.Elapsed - committed;
        output.WriteLine($"version, calendar year and connection status in force on B {arrived.TotalMilliseconds:F0} ms after A's commit");
        Assert.True(arrived < TimeSpan.FromSeconds(1), $"in force on B {arrived.TotalMilliseconds:F0} ms after A's commit");
        Assert.True(bookOnB.TryGetVersion(next, out var onB));
        Assert.Equal(TimeSpan.FromMinutes(45), onB!.Response);
        Assert.Equal(TimeSpan.FromHours(1), onB.Escalation.RenotifyEvery);
    }

    /// <summary>The notification is part of the writer's transaction: a row of a writer that does nothing after its commit
    /// — not even live on, its session is terminated at once, as when its process is killed — reaches B; a rolled-back
    /// row, or one not yet committed, reaches no one. The writer is no app at all (a plain context on another connection,
    /// named as an instance would be), so nothing but the commit itself can have told B.</summary>
    [Fact]
    public async Task CommittedRow_ReachesInstanceB_ThoughItsWriterDiesAtTheCommit_AndARolledBackRowNever()
    {
        var database = TestPostgres.NewDatabase("notify");
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        using var healthOnB = b.CreateClient();
        await HealthyAsync(healthOnB);
        string ops;
        await using (var read = b.NewDbContext())
        {
            ops = await read.Users.Where(u => u.UserName == "ops").Select(u => u.Id).SingleAsync();
        }
        var heard = new System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, NotificationsArrived Arrived)>();
        var watch = Stopwatch.StartNew();
        using var subscription = b.Services.GetRequiredService<Notifier<NotificationsArrived>>().Subscribe(n =>
        {
            heard.Enqueue((watch.Elapsed, n));
            return Task.CompletedTask;
        });
        var writer = PostgreSqlClusterEvents.NameInstance(database, Guid.NewGuid().ToString("N"));

        // Written, then rolled back: B hears nothing, neither while the transaction is open nor after.
        await using (var db = TestDatabase.Open("Data Source=unused", writer))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Note(ops, "rolled back"));
            await db.SaveChangesAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Empty(heard);
            await tx.RollbackAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(heard);

        // Written and committed, and the writer's session is gone right after its commit.
        TimeSpan committed;
        await using (var db = TestDatabase.Open("Data Source=unused", writer))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Note(ops, "committed"));
            await db.SaveChangesAsync();
            var pid = ((Npgsql.NpgsqlConnection)db.Database.GetDbConnection()).ProcessID;
            await tx.CommitAsync();
            committed = watch.Elapsed;
            await using var killer = new Npgsql.NpgsqlConnection(database);
            await killer.OpenAsync();
            await using var terminate = new Npgsql.NpgsqlCommand($"SELECT pg_terminate_backend({pid})", killer);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        var arrived = await TicketDriver.EventuallyAsync(() => Task.FromResult(heard.ToList()), h => h.Count > 0, TimeSpan.FromSeconds(5),
            "the committed notification on B");
        output.WriteLine($"committed row on B's subscribers {(arrived[0].At - committed).TotalMilliseconds:F0} ms after the commit");
        Assert.Contains(ops, arrived[0].Arrived.UserIds);
        Assert.True(arrived[0].At - committed < TimeSpan.FromSeconds(1), $"arrived on B {(arrived[0].At - committed).TotalMilliseconds:F0} ms after the commit");
    }

    /// <summary>A row committed while B's listening connection is down reaches B once it is back (its NOTIFY went to
    /// no one: B resynchronises from the rows by id), and /health says so meanwhile.</summary>
    [Fact]
    public async Task Listener_AfterItsConnectionDrops_ReconnectsAndPublishesWhatWasCommittedMeanwhile()
    {
        var database = TestPostgres.NewDatabase("resync");
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        using var healthOnB = b.CreateClient();
        async Task<string?> HealthAsync() => GovNetOps.Web.Infrastructure.Hosting.HealthResponse.StatusOf(await (await healthOnB.GetAsync("/health")).Content.ReadAsStringAsync());
        await TicketDriver.EventuallyAsync(HealthAsync, h => h == "Healthy", TimeSpan.FromSeconds(20), "B's /health (database and listener) to be Healthy");
        string ops;
        await using (var read = b.NewDbContext())
        {
            ops = await read.Users.Where(u => u.UserName == "ops").Select(u => u.Id).SingleAsync();
        }
        var heard = new System.Collections.Concurrent.ConcurrentQueue<NotificationsArrived>();
        using var subscription = b.Services.GetRequiredService<Notifier<NotificationsArrived>>().Subscribe(n =>
        {
            heard.Enqueue(n);
            return Task.CompletedTask;
        });

        // A row is written, B's listening session cut, and the row committed at once: B is not listening again before
        // its retry a second later, so its NOTIFY reaches no one at B.
        await using (var db = TestDatabase.Open("Data Source=unused", database))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Note(ops, "while B was not listening"));
            await db.SaveChangesAsync();
            await using (var cut = new Npgsql.NpgsqlCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {PostgreSqlClusterEvents.ChannelName}'",
                (Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), (Npgsql.NpgsqlTransaction)tx.GetDbTransaction()))
            {
                Assert.Equal(1L, await cut.ExecuteScalarAsync());
            }
            await tx.CommitAsync();
        }
        await TicketDriver.EventuallyAsync(HealthAsync, h => h == "Unhealthy", TimeSpan.FromSeconds(5), "B's /health to say it is not listening");

        await TicketDriver.EventuallyAsync(() => Task.FromResult(heard.ToList()), h => h.Any(n => n.UserIds.Contains(ops)), TimeSpan.FromSeconds(10),
            "the row committed during the drop on B", diagnose: b.Diagnostics);
        await TicketDriver.EventuallyAsync(HealthAsync, h => h == "Healthy", TimeSpan.FromSeconds(5), "B's /health to be Healthy again");
        Assert.Contains(b.Logs.Lines, l => l.Message.StartsWith("Resynchronised after a dropped listener", StringComparison.Ordinal));
    }

    /// <summary>Waits until B's /health (database and listener) says Healthy: 503 until its listener is connected, so
    /// the body is read whatever the status.</summary>
    private static Task HealthyAsync(HttpClient healthOnB) =>
        TicketDriver.EventuallyAsync(async () => GovNetOps.Web.Infrastructure.Hosting.HealthResponse.StatusOf(await (await healthOnB.GetAsync("/health")).Content.ReadAsStringAsync()), h => h == "Healthy",
            TimeSpan.FromSeconds(20), "B's /health (database and listener) to be Healthy");

    private static Notification Note(string userId, string title) =>
        new() { UserId = userId, Title = title, Body = title, CreatedAt = TimeProvider.System.GetUtcNow() };
}

/// <summary>The two-instance tests run one after the other: each starts two apps, and measures time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Two instances on PostgreSQL";
}
