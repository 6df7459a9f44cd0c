using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Cluster;

/// <summary>Two app instances (two hosts, each with its own pools, locks and job server) on one real PostgreSQL
/// database, always — whatever provider the rest of the run uses: writes from both stay one linear chain with
/// distinct numbers.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Provider", "OwnPostgreSql")]
public sealed class ClusterWriteFacts
{
    [Fact]
    public async Task ReportAsync_TwoHundredConcurrentReportsOverTwoInstances_GetDistinctNumbersAndOneLinearChain()
    {
        var database = TestPostgres.NewDatabase("cluster");
        await using var a = new GovNetOpsFactory(postgreSqlConnectionString: database);
        a.CreateClient().Dispose(); // A migrates and seeds first; B finds it done
        await using var b = new GovNetOpsFactory(postgreSqlConnectionString: database);
        b.CreateClient().Dispose();

        using var scopeA = a.Services.CreateScope();
        using var scopeB = b.Services.CreateScope();
        var onA = TicketUseCases.From(scopeA.ServiceProvider);
        var onB = TicketUseCases.From(scopeB.ServiceProvider);
        var sites = await onA.SitesAsync();
        var opsOnA = await onA.UserAsync("ops");
        var opsOnB = await onB.UserAsync("ops");
        var now = TimeProvider.System.GetUtcNow();

        var reports = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var onThis = i % 2 == 0 ? a : b;
            using var scope = onThis.Services.CreateScope();
            var form = IntakeFormBuilder.At(sites[i % sites.Count].Id, now).Build();
            return await TicketUseCases.From(scope.ServiceProvider).ReportAsync(form, i % 2 == 0 ? opsOnA : opsOnB);
        })).ToList();
        var results = await Task.WhenAll(reports);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error));
        var numbers = results.Select(r => r.Value!).ToList();
        Assert.Equal(200, numbers.Distinct(StringComparer.Ordinal).Count());
        await using var db = a.NewDbContext();
        Assert.Equal(200, await db.FaultTickets.CountAsync());
        var chain = await a.Services.GetRequiredService<TicketStore>().VerifyChainAsync();
        Assert.True(chain.IsIntact, string.Join('\n', chain.Problems));
        Assert.Equal(await db.TicketEvents.CountAsync(), chain.EventCount);
    }
}
