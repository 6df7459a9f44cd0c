using System.Diagnostics;
using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovNetOps.Benchmarks;

/// <summary>The monthly report (MonthlyReportService.BuildAsync, all carriers, as a leader reads it) for one month,
/// over a database holding N historical tickets spread over two years (HistorySeeder: raw SQL inserts).</summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var tickets = Option(args, "--tickets", 1_000_000);
        var iterations = Option(args, "--iterations", 20);

        // --database FILE: seed once into FILE and reuse it on later runs (seeding 1,000,000 tickets takes minutes).
        var reuse = Text(args, "--database");
        var reusing = reuse is not null && File.Exists(reuse);
        await using var app = new BenchmarkApp(kestrel: false);
        if (reusing)
        {
            File.Copy(reuse!, app.DatabasePath);
        }
        var services = app.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        List<(int Id, LocationClass Class, int CarrierId)> sites;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            sites = (await db.Sites.Where(s => s.IsActive).Select(s => new { s.Id, s.LocationClass, s.CarrierId }).ToListAsync())
                .Select(s => (s.Id, s.LocationClass, s.CarrierId)).ToList();
        }

        int ticketCount;
        if (reusing)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            ticketCount = await db.FaultTickets.CountAsync();
            Console.WriteLine($"reusing {reuse}: {ticketCount:N0} tickets");
        }
        else
        {
            var seeding = Stopwatch.StartNew();
            var seeder = new HistorySeeder(services.GetRequiredService<TicketProjection>(), services.GetRequiredService<ChainKeys>(), services.GetRequiredService<IOptions<SlaPolicy>>().Value.Version, sites);
            (ticketCount, _) = await seeder.SeedAsync(app.DatabasePath, services.GetRequiredService<IDbContextFactory<AppDbContext>>(), tickets, now);
            Console.WriteLine($"seeded {ticketCount:N0} tickets over 730 days in {seeding.Elapsed.TotalSeconds:F1} s");
            if (reuse is not null)
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {Path.GetFullPath(reuse)}");
                Console.WriteLine($"kept a copy in {reuse}");
            }
        }

        var month = ReportMonth.LastBefore(now);
        var leader = new Actor("bench", "领导", Role.Leader);
        var timings = new List<double>();
        MonthlyReport? report = null;
        for (var i = 0; i < iterations + 2; i++)
        {
            using var scope = services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<MonthlyReportService>();
            var watch = Stopwatch.StartNew();
            report = await service.BuildAsync(leader, month, now);
            if (i >= 2)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine($"report {month.Key}: {report!.Total.BackboneFaults:N0} backbone faults, {report.Breaches.Count:N0} breach lines in the month");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report build over {ticketCount:N0} tickets, {iterations} runs: median {timings[timings.Count / 2]:F0} ms, max {timings[^1]:F0} ms (target < 1000 ms)"));
        return timings[timings.Count / 2] < 1000 ? 0 : 1;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
