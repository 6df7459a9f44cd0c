using System.Diagnostics;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Cluster;

/// <summary>Two app instances on one real PostgreSQL database: a change committed on one reaches the other's
/// subscribers (boards, queues, pages, bells) through LISTEN/NOTIFY, and /health includes the listener.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Provider", "OwnPostgreSql")]
public sealed class ClusterLiveUpdateFacts
{
    [Fact]
    public async Task ReportAsync_OnInstanceA_ReachesTicketSubscribersOnInstanceB_WithinOneSecond()
    {
        var database = TestPostgres.NewDatabase("live");
        await using var a = new GovNetOpsFactory(postgreSqlConnectionString: database);
        a.CreateClient().Dispose();
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        using var healthOnB = b.CreateClient();
        // 503 until B's listener is connected: read the body whatever the status (GetStringAsync would throw on it).
        await TicketDriver.EventuallyAsync(async () => GovNetOps.Web.Infrastructure.Hosting.HealthResponse.StatusOf(await (await healthOnB.GetAsync("/health")).Content.ReadAsStringAsync()), h => h == "Healthy",
            TimeSpan.FromSeconds(20), "B's /health (database and listener) to be Healthy");

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
        var form = IntakeFormBuilder.At(site.Id, TimeProvider.System.GetUtcNow()).Build();

        var watch = Stopwatch.StartNew();
        var reported = await onA.ReportAsync(form, ops);
        var committed = watch.Elapsed;
        var change = await arrivedOnB.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var arrived = watch.Elapsed;

        Assert.True(reported.IsSuccess, reported.Error);
        Assert.Equal(reported.Value, change.Number);
        Assert.True(arrived - committed < TimeSpan.FromSeconds(1), $"arrived on B {(arrived - committed).TotalMilliseconds:F0} ms after A's commit");
    }
}

/// <summary>The two-instance tests run one after the other: each starts two apps, and measures time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Two instances on PostgreSQL";
}
