using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.SecurityLog;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovNetOps.Benchmarks;

/// <summary>Server-side latency of 故障申告 (TicketService.ReportAsync) and of the ticket list's first page with
/// a filter (TicketService.ListAsync), over a database holding N historical tickets; on PostgreSQL with
/// <c>--instances N</c> the reports go to each instance in turn, one at a time and then from several callers at once.</summary>
internal static class TicketsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var tickets = Option(args, "--tickets", 100_000);
        var iterations = Option(args, "--iterations", 200);
        const int warmup = 20;

        await using var cluster = BenchmarkCluster.Start(args);
        var app = cluster.First;
        var services = app.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        List<(int Id, LocationClass Class, int CarrierId)> sites;
        ClaimsPrincipal ops;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            sites = (await db.Sites.Where(s => s.IsActive).Select(s => new { s.Id, s.LocationClass, s.CarrierId }).ToListAsync())
                .Select(s => (s.Id, s.LocationClass, s.CarrierId)).ToList();
        }
        // The principal the sign-in cookie would carry (security stamp included): handlers check it against the account.
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var principals = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<ApplicationUser>>();
            ops = await principals.CreateAsync((await users.FindByNameAsync("ops"))!);
        }

        var seeding = Stopwatch.StartNew();
        var seeder = new HistorySeeder(services.GetRequiredService<TicketProjection>(), services.GetRequiredService<ChainKeys>(), services.GetRequiredService<IOptions<SlaPolicy>>().Value.Version, sites);
        var (ticketCount, eventCount) = cluster.PostgreSql is null
            ? await seeder.SeedAsync(app.DatabasePath, services.GetRequiredService<IDbContextFactory<AppDbContext>>(), tickets, now)
            : await seeder.SeedAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), tickets, now);
        Console.WriteLine($"seeded {ticketCount:N0} tickets / {eventCount:N0} events over 730 days in {seeding.Elapsed.TotalSeconds:F1} s");

        var verifying = Stopwatch.StartNew();
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var report = await EventChain.VerifyAsync(db, services.GetRequiredService<ChainKeys>());
            if (!report.IsIntact)
            {
                throw new InvalidOperationException("seeded chain is broken: " + report.Problems[0]);
            }

            Console.WriteLine($"event chain verified intact: {report.EventCount:N0} events in {verifying.Elapsed.TotalSeconds:F1} s");
        }

        // The seeded rows must read back through the app exactly as if it had written them (ids, ticks, projection).
        using (var scope = services.CreateScope())
        {
            var service = new UseCases(scope.ServiceProvider);
            var newest = (await service.ListAsync(new TicketQuery { PageSize = 1 }, ops)).Items[0];
            var details = await service.FindAsync(newest.Number, ops) ?? throw new InvalidOperationException($"{newest.Number} does not load");
            if (details.Ticket.Version != newest.Version || details.Ticket.State != newest.State)
            {
                throw new InvalidOperationException($"{newest.Number}: projection disagrees with its events");
            }
        }

        var random = new Random(7);
        var reported = new List<string>();
        var call = 0;
        async Task ReportOnceAsync()
        {
            (int Id, LocationClass Class, int CarrierId) site;
            int instance;
            lock (random)
            {
                site = sites[random.Next(sites.Count)];
                instance = call++ % cluster.Apps.Count; // each instance in turn
            }
            var form = new IntakeForm
            {
                SiteId = site.Id, Symptoms = "外网专线中断，政务服务平台无法访问", ReporterName = "赵伟", ReporterMobile = "13937712345",
                ReportedAtChina = ChinaTime.ToChina(now).DateTime,
            };
            using var scope = cluster.Apps[instance].Services.CreateScope();
            var result = await new UseCases(scope.ServiceProvider).ReportAsync(form, ops);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error);
            }
            lock (reported)
            {
                reported.Add(result.Value!);
            }
        }
        var intake = await MeasureAsync(warmup, iterations, ReportOnceAsync);

        // Concurrent writers (several instances and callers appending to one chain and one day's numbering).
        var concurrency = Option(args, "--concurrency", 8);
        var concurrentSamples = new double[iterations];
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < iterations)
            {
                var watch = Stopwatch.StartNew();
                await ReportOnceAsync();
                concurrentSamples[i] = watch.Elapsed.TotalMilliseconds;
            }
        }));
        var concurrentSeconds = wall.Elapsed.TotalSeconds;
        Array.Sort(concurrentSamples);
        var distinct = reported.Distinct().Count();
        if (distinct != reported.Count)
        {
            throw new InvalidOperationException($"{reported.Count - distinct} ticket numbers given twice");
        }
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var report = await EventChain.VerifyAsync(db, services.GetRequiredService<ChainKeys>());
            if (!report.IsIntact)
            {
                throw new InvalidOperationException("chain broken after the measured reports: " + report.Problems[0]);
            }
        }

        var today = ChinaTime.DateOf(now);
        var query = new TicketQuery { CarrierId = 2, Breached = true, ReportedFrom = today.AddDays(-180), ReportedTo = today, PageSize = 20 };
        var total = 0;
        var list = await MeasureAsync(warmup, iterations, async () =>
        {
            using var scope = services.CreateScope();
            var page = await new UseCases(scope.ServiceProvider).ListAsync(query, ops);
            total = page.Total;
        });
        var open = await MeasureAsync(warmup, iterations, async () =>
        {
            using var scope = services.CreateScope();
            await new UseCases(scope.ServiceProvider).ListAsync(new TicketQuery { OpenOnly = true, PageSize = 20 }, ops);
        });

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                          $"{(IsRelease ? "Release" : "Debug")} build; database: {cluster.Description}");
        Console.WriteLine($"history: {ticketCount:N0} tickets, {eventCount:N0} events; {warmup} warm-up calls excluded; {iterations} measured calls each, one at a time");
        Console.WriteLine($"{"operation",-64} {"p50",8} {"p95",8} {"max",8}");
        Print("ReportAsync one at a time (instances in turn)", intake);
        Print(string.Create(CultureInfo.InvariantCulture, $"ReportAsync {concurrency} callers at once ({iterations / concurrentSeconds:F0}/s)"), concurrentSamples);
        Console.WriteLine($"{reported.Count} reports: {distinct} distinct numbers; the event chain verifies intact");
        Print($"ListAsync page 1: carrier 2 + breached + 180 days ({total:N0} match)", list);
        Print("ListAsync page 1: open tickets only", open);
        return 0;
    }

    private static async Task<double[]> MeasureAsync(int warmup, int iterations, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return samples;
    }

    private static void Print(string name, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-64} {Percentile(sorted, 0.50),6:F2}ms {Percentile(sorted, 0.95),6:F2}ms {sorted[^1],6:F2}ms"));

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback) => BenchmarkCluster.Option(args, name, fallback);

#if DEBUG
    private const bool IsRelease = false;
#else
    private const bool IsRelease = true;
#endif
}
