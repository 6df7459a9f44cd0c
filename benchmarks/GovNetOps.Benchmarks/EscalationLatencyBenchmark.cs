using System.Diagnostics;
using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovNetOps.Benchmarks;

/// <summary>Reports N tickets back-dated so that their response breaches fall due over the next
/// window of real time, waits, and measures lateness = RecordedAt − DueAt of those breaches.
/// With <c>--burst N</c>: N tickets with one and the same report time (one outage, many sites), so that their
/// response breaches and the county-direct repair reminders all fall due at one instant.</summary>
internal static class EscalationLatencyBenchmark
{
    /// <summary>What a burst must meet: p99 lateness at most this, none early, none duplicated, none missing.</summary>
    private const double BurstP99LimitMs = 250;

    public static async Task<int> RunAsync(string[] args)
    {
        var burst = Option(args, "--burst", 0);
        var tickets = burst > 0 ? burst : Option(args, "--tickets", 500);
        var window = burst > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Option(args, "--window", 60));
        var leadIn = TimeSpan.FromSeconds(Option(args, "--lead-in", 15));

        // --provider postgresql [--instances 2]: that many app instances on one fresh PostgreSQL database, tickets
        // reported on each in turn.
        await using var cluster = BenchmarkCluster.Start(args);
        var apps = cluster.Apps;
        var app = cluster.First;
        var services = app.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var timing = services.GetRequiredService<IOptions<EscalationTiming>>().Value;

        Console.WriteLine("GovNetOps escalation latency benchmark");
        Console.WriteLine($"command: dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- escalation {string.Join(' ', args)}".TrimEnd());
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"database: {cluster.Description}{(apps.Count > 1 ? "; tickets reported on each in turn" : "")}");
        Console.WriteLine($"settings: Jobs:WorkerCount={jobs.WorkerCount}, Jobs:SchedulePollingInterval={jobs.SchedulePollingInterval.TotalSeconds} s, Escalation:ScheduleLead={timing.ScheduleLead.TotalSeconds} s");

        ClaimsPrincipalHolder ops;
        int[] sites;
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
            ops = new(await principals.CreateAsync((await users.FindByNameAsync("ops"))!));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            sites = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync();
        }

        if (Option(args, "--rebuild", 0) is > 0 and var open)
        {
            return await RebuildAsync(apps, ops, sites, open);
        }

        // Breach i falls at start + lead-in + i × window / N; the report time is one hour (the response limit) earlier.
        var start = time.GetUtcNow();
        var first = start + leadIn;
        var reporting = Stopwatch.StartNew();
        var numbers = new List<string>(tickets);
        for (var i = 0; i < tickets; i++)
        {
            var breachAt = first + window * i / tickets;
            using var scope = apps[i % apps.Count].Services.CreateScope();
            var result = await new UseCases(scope.ServiceProvider).ReportAsync(new IntakeForm
            {
                SiteId = sites[i % sites.Length], Scope = FaultScope.Backbone, Symptoms = $"压测工单 {i + 1}", ReporterName = "压测",
                ReporterMobile = "13900000000", ReportedAtChina = ChinaTime.ToChina(breachAt - TimeSpan.FromHours(1)).DateTime,
                BackdateReason = "延迟基准测试",
            }, ops.User);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error);
            }

            numbers.Add(result.Value!);
        }
        reporting.Stop();
        var reportedBy = time.GetUtcNow();
        Console.WriteLine(burst > 0
            ? $"reported {tickets} tickets with one report time in {reporting.Elapsed.TotalSeconds:0.0} s; their breaches fall due at one instant, {(first - reportedBy).TotalSeconds:0.0} s after the last report"
            : $"reported {tickets} tickets in {reporting.Elapsed.TotalSeconds:0.0} s (the first breach is due {(first - reportedBy).TotalSeconds:0.0} s after the last report); breaches fall due over {window.TotalSeconds:0} s");

        var end = first + window + timing.ScheduleLead + TimeSpan.FromSeconds(3);
        // A burst is also watched from outside: another connection counts the instant's records every 2 ms, so the
        // figure covers the commit (a record's RecordedAt is stamped just before its transaction's inserts).
        var seen = new List<(DateTimeOffset At, int Count)>();
        var watching = burst > 0 ? WatchAsync(services, time, first, end, seen) : Task.CompletedTask;
        while (time.GetUtcNow() < end)
        {
            await Task.Delay(500);
        }

        await watching;

        await using var read = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var records = await read.EscalationRecords.AsNoTracking().Where(r => numbers.Contains(r.Ticket!.Number)).ToListAsync();
        var breaches = records.Where(r => r.Clock == ClockKind.Response && r.Level == EscalationLevel.Breach).ToList();
        var inWindow = records.Where(r => r.DueAt >= first).ToList();
        if (burst > 0)
        {
            var result = Burst(tickets, first, breaches, records.Where(r => r.DueAt == first).ToList());
            var total = records.Count(r => r.DueAt == first);
            var firstSeen = seen.FirstOrDefault(x => x.Count > 0);
            var allSeen = seen.FirstOrDefault(x => x.Count >= total);
            Console.WriteLine(allSeen.Count == 0
                ? "committed and visible to another connection: not all seen while watching"
                : string.Create(CultureInfo.InvariantCulture,
                    $"committed and visible to another connection (polled every 2 ms): first after {(firstSeen.At - first).TotalMilliseconds:0.0} ms, all {total} after {(allSeen.At - first).TotalMilliseconds:0.0} ms"));
            return result;
        }

        var duplicated = await DuplicatedNotificationsAsync(read, records);
        Console.WriteLine($"notifications sent twice for one step and one user: {duplicated}");
        Console.WriteLine($"response breaches recorded: {breaches.Count}/{tickets} ({string.Join(", ", breaches.GroupBy(r => r.Source).Select(g => $"{g.Key} {g.Count()}"))})");
        var ok = Print("response breaches", breaches) && breaches.Count == tickets && duplicated == 0;
        Console.WriteLine("slowest: " + string.Join(", ", breaches.OrderByDescending(r => r.RecordedAt - r.DueAt).Take(5)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{(r.RecordedAt - r.DueAt).TotalMilliseconds:0} ms at +{(r.DueAt - first).TotalSeconds:0.0} s"))));
        Console.WriteLine($"all steps due in the window (response breaches plus county-direct repair reminders at 50 % of 2 h): {inWindow.Count}");
        ok &= Print("all steps in window", inWindow);
        Console.WriteLine(ok ? "PASS: p99 ≤ 1000 ms, none early, none missing, none notified twice" : "FAIL");
        return ok ? 0 : 1;
    }

    /// <summary>From 1 s before <paramref name="instant"/> until <paramref name="end"/>: how many of the instant's records
    /// another connection sees, each change with the instant the query returned (an upper bound of the commit).</summary>
    private static async Task WatchAsync(IServiceProvider services, TimeProvider time, DateTimeOffset instant, DateTimeOffset end,
        List<(DateTimeOffset At, int Count)> seen)
    {
        while (time.GetUtcNow() < instant - TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
        }

        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var last = -1;
        while (time.GetUtcNow() < end)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var count = await db.EscalationRecords.AsNoTracking().CountAsync(r => r.DueAt == instant);
                if (count != last)
                {
                    seen.Add((time.GetUtcNow(), count));
                    last = count;
                }
            }
            await Task.Delay(2);
        }
    }

    /// <summary>Every step due at the burst's one instant: lateness percentiles, early, duplicated (same ticket,
    /// clock, level and repeat twice) and missing response breaches.</summary>
    private static int Burst(int tickets, DateTimeOffset instant, List<EscalationRecord> breaches, List<EscalationRecord> atInstant)
    {
        var lateness = atInstant.Select(r => (r.RecordedAt - r.DueAt).TotalMilliseconds).Order().ToArray();
        var early = lateness.Count(l => l < 0);
        var duplicates = atInstant.GroupBy(r => (r.TicketId, r.Clock, r.Level, r.Repeat)).Sum(g => g.Count() - 1);
        var missing = tickets - breaches.Select(r => r.TicketId).Distinct().Count();
        Console.WriteLine($"steps due at the one instant: {atInstant.Count} ({string.Join(", ", atInstant.GroupBy(r => $"{r.Clock} {r.Level}").Select(g => $"{g.Key} {g.Count()}"))}); "
            + $"sources: {string.Join(", ", atInstant.GroupBy(r => r.Source).Select(g => $"{g.Key} {g.Count()}"))}");
        if (lateness.Length == 0)
        {
            Console.WriteLine("FAIL: nothing recorded");
            return 1;
        }
        double P(double q) => lateness[Math.Clamp((int)Math.Ceiling(q * lateness.Length) - 1, 0, lateness.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst lateness (recorded − due): p50 = {P(0.50):0.0} ms, p95 = {P(0.95):0.0} ms, p99 = {P(0.99):0.0} ms, max = {lateness[^1]:0.0} ms, min = {lateness[0]:0.0} ms; early = {early}, duplicates = {duplicates}, missing breaches = {missing}"));
        var ok = early == 0 && duplicates == 0 && missing == 0 && P(0.99) <= BurstP99LimitMs;
        Console.WriteLine(ok ? $"PASS: p99 ≤ {BurstP99LimitMs} ms, none early, none duplicated, none missing" : $"FAIL (wanted p99 ≤ {BurstP99LimitMs} ms, none early, none duplicated, none missing)");
        return ok ? 0 : 1;
    }

    private static bool Print(string what, List<EscalationRecord> records)
    {
        if (records.Count == 0)
        {
            Console.WriteLine($"{what}: none");
            return false;
        }
        // Exact lateness from the stored instants (ticks), not the rounded LatenessMs column.
        var lateness = records.Select(r => (r.RecordedAt - r.DueAt).TotalMilliseconds).Order().ToArray();
        var early = lateness.Count(l => l < 0);
        double P(double q) => lateness[Math.Clamp((int)Math.Ceiling(q * lateness.Length) - 1, 0, lateness.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: lateness (recorded − due) p50 = {P(0.50):0.0} ms, p99 = {P(0.99):0.0} ms, max = {lateness[^1]:0.0} ms, min = {lateness[0]:0.0} ms, early = {early}"));
        return early == 0 && P(0.99) <= 1000;
    }

    /// <summary><c>--rebuild N</c>: N open tickets (reported now, on each instance in turn), then the start-up rebuild of the
    /// escalation schedule — what the leading instance does when it starts — timed three times on the first instance.</summary>
    private static async Task<int> RebuildAsync(IReadOnlyList<BenchmarkApp> apps, ClaimsPrincipalHolder ops, int[] sites, int open)
    {
        var reporting = Stopwatch.StartNew();
        for (var i = 0; i < open; i++)
        {
            using var scope = apps[i % apps.Count].Services.CreateScope();
            var result = await new UseCases(scope.ServiceProvider).ReportAsync(new IntakeForm
            {
                SiteId = sites[i % sites.Length], Scope = FaultScope.Backbone, Symptoms = $"重建基准 {i + 1}", ReporterName = "压测",
                ReporterMobile = "13900000000", ReportedAtChina = ChinaTime.ToChina(apps[0].Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime,
            }, ops.User);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error);
            }
        }
        Console.WriteLine($"reported {open} open tickets in {reporting.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(5)); // the live planning of the last reports settles

        var scheduler = apps[0].Services.GetRequiredService<EscalationScheduler>();
        var runs = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var planned = await scheduler.RebuildAsync();
            runs.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuild {run + 1}: {planned} open tickets planned in {watch.Elapsed.TotalMilliseconds:0} ms"));
        }
        runs.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-up rebuild with {open} open tickets: median {runs[1]:0} ms, max {runs[2]:0} ms"));
        return 0;
    }

    /// <summary>Exactly once seen from the recipients: a step is one row (the unique index), and each of its notifications
    /// is one row per user; two instances both sending would show here as two rows for one step and user.</summary>
    private static async Task<int> DuplicatedNotificationsAsync(AppDbContext db, List<EscalationRecord> records)
    {
        var ids = records.Select(r => r.Id).ToList();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.EscalationRecordId != null && ids.Contains(n.EscalationRecordId.Value))
            .Select(n => new { n.EscalationRecordId, n.UserId }).ToListAsync();
        return rows.GroupBy(n => n).Sum(g => g.Count() - 1);
    }

    private static int Option(string[] args, string name, int fallback) => BenchmarkCluster.Option(args, name, fallback);

    private sealed record ClaimsPrincipalHolder(System.Security.Claims.ClaimsPrincipal User);
}
