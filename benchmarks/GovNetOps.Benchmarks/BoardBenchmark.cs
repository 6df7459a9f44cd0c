using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Benchmarks;

/// <summary>
/// Issue 6's benchmark. The app runs on Kestrel in this process; N live boards run in headless Chromium driven
/// by a child process (<see cref="BoardBrowsers"/>), so this process's CPU and memory are the server's.
/// M ticket changes go through the ticket use cases (report / acknowledge alternating) at a fixed
/// spacing; for each, the push latency runs from the commit (when the operator's call returns: the writer returns at its commit,
/// right after the transaction) to the change being in the DOM of every board (a MutationObserver in each page
/// stamps it). Both stamps are Unix milliseconds of the same machine's clock (server
/// <see cref="TimeProvider.System"/>, browser <c>Date.now()</c>), so they compare directly.
/// Also: server memory per open board (GC heap and working set after full collections, 0 vs N boards) and
/// server CPU time while idle, with 0 and with N boards open.
/// </summary>
internal static class BoardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var boards = Option(args, "--boards", 50);
        var changes = Option(args, "--changes", 100);
        var idleSeconds = Option(args, "--idle-seconds", 10);
        // One change every 2 s is already far above a county's real rate (a few changes an hour); --spacing-ms 500
        // shows where the 50 browsers on this machine saturate its cores (see the README).
        var spacingMs = Option(args, "--spacing-ms", 2000);
        var seed = Option(args, "--seed", 6);
        var jitter = new Random(seed);
        var time = TimeProvider.System;
        var ackedName = Labels.State(TicketState.Acknowledged, CultureInfo.GetCultureInfo("zh-CN"));

        await using var app = new BenchmarkApp();
        var baseAddress = app.ServerAddress;
        Console.WriteLine($"app on {baseAddress} (Release: {!IsDebug()}), {Environment.ProcessorCount} cores, load average {LoadAverage()}; " +
            $"{boards} boards, {changes} changes {spacingMs} ms apart on average (uniform {spacingMs / 2}-{spacingMs * 3 / 2} ms, seed {seed})");

        var dropNice = !args.Contains("--keep-browser-priority") && CanDropNice();
        Console.WriteLine(dropNice
            ? "browsers run without CAP_SYS_NICE (setpriv), as a desktop user's Chromium does (--keep-browser-priority: as root)"
            : "browsers run with this user's privileges" + (Environment.UserName == "root" ? " (root: Chromium raises its compositor, IO and GPU threads to nice -8)" : ""));
        var sites = await WithTickets(app, t => t.SitesAsync());
        // Acknowledgements are clicked in a browser by the ticket's carrier (its queue page, /carrier): one account
        // per carrier of the sites the benchmark reports at.
        var carrierUsers = await CarrierUsersAsync(app, sites.Select(s => s.CarrierId).Distinct());
        using var browsers = StartBrowsers(baseAddress, boards, ackedName, string.Join(',', carrierUsers.Values), Option(args, "--browser-nice", 0), dropNice);
        await Expect(browsers, "warm");
        // The commit instant: when the operator's call returns (the writer returns at its commit; readers, the board
        // among them, are told on the thread pool after it). Stamped by the caller, not by a subscriber, which runs
        // later and in any order: a stamp read before that subscriber ran would be the previous change's.
        long committedAt = 0;
        var pushed = 0;
        var published = new List<long>();
        app.Services.GetRequiredService<GovNetOps.Web.Features.Board.BoardSnapshotService>().SnapshotChanged += _ =>
        {
            Interlocked.Increment(ref pushed);
            lock (published)
            {
                published.Add(time.GetUtcNow().ToUnixTimeMilliseconds());
            }
        };
        // For a clicked acknowledgement the operator's call is in the browser: its commit is stamped by a subscriber
        // to the committed change (told right after the commit, as the board's snapshot service is).
        var changed = new System.Collections.Concurrent.ConcurrentDictionary<(Guid, int), long>();
        using var changedSubscription = app.Services.GetRequiredService<Notifier<TicketChanged>>().Subscribe(c =>
        {
            changed.TryAdd((c.TicketId, c.Version), time.GetUtcNow().ToUnixTimeMilliseconds());
            return Task.CompletedTask;
        });
        var ops = await SignedInAsync(app, u => u.UserName == "ops");
        var carriers = new Dictionary<int, ClaimsPrincipal>();
        var open = new List<(Guid Id, string Number, int CarrierId)>();
        var clicking = false;
        var acknowledged = 0;
        var actions = new List<double>();
        var commits = new List<(long At, int Rows, int Acked)>();
        // Clicked acknowledgements: the click instant, and the ticket whose commit the subscriber stamps.
        var clicks = new List<(int Change, long ClickedAt, Guid TicketId)>();
        var process = Process.GetCurrentProcess();

        async Task ApplyAsync(int i)
        {
            var started = Stopwatch.GetTimestamp();
            if (i % 2 == 0)
            {
                var site = sites[open.Count % sites.Count];
                var number = await WithTickets(app, t => t.ReportAsync(new IntakeForm
                {
                    SiteId = site.Id, Symptoms = $"压测故障 {i}", ReporterName = "压测", ReporterMobile = "13800000000",
                    ReportedAtChina = ChinaTime.ToChina(time.GetUtcNow()).DateTime,
                }, ops));
                Interlocked.Exchange(ref committedAt, time.GetUtcNow().ToUnixTimeMilliseconds());
                actions.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var details = await WithTickets(app, t => t.FindAsync(number.Value ?? throw new InvalidOperationException(number.Error), ops));
                open.Add((details!.Ticket.Id, number.Value!, details.Ticket.CarrierId));
            }
            else if (clicking)
            {
                // The carrier's engineer clicks 响应接单 in its queue page; the click's instant is the change's start.
                var (id, number, carrierId) = open[acknowledged];
                await browsers.StandardInput.WriteLineAsync($"click {carrierUsers[carrierId]} {number}");
                var answer = await browsers.StandardOutput.ReadLineAsync() ?? "";
                if (!answer.StartsWith("clicked ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Browser process said '{answer}', expected 'clicked MS'");
                }

                var clickedAt = long.Parse(answer["clicked ".Length..], CultureInfo.InvariantCulture);
                actions.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                acknowledged++;
                clicks.Add((commits.Count, clickedAt, id));
                commits.Add((clickedAt, open.Count, acknowledged));
                return;
            }
            else
            {
                var (id, _, carrierId) = open[acknowledged];
                if (!carriers.TryGetValue(carrierId, out var carrier))
                {
                    carriers[carrierId] = carrier = await SignedInAsync(app, u => u.CarrierId == carrierId);
                }
                var applied = await WithTickets(app, t => t.ApplyAsync(id, 1, new TicketCommand(TicketTrigger.Acknowledge), carrier));
                Interlocked.Exchange(ref committedAt, time.GetUtcNow().ToUnixTimeMilliseconds());
                actions.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!applied.IsSuccess)
                {
                    throw new InvalidOperationException(applied.Error);
                }

                acknowledged++;
            }
            commits.Add((Interlocked.Read(ref committedAt), open.Count, acknowledged));
        }

        async Task<TimeSpan> ApplyManyAsync(int count)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            for (var i = 0; i < count; i++)
            {
                // Uniform in [spacing/2, 3·spacing/2]: changes land at every phase of the boards' once-a-second tick,
                // as real ones do. A fixed multiple of a second would put all of them at one phase for the whole run,
                // either always clear of the ticks' repaint or always inside it (p95 swung 300 to 480 ms that way).
                var gapMs = spacingMs * (0.5 + jitter.NextDouble());
                var next = Stopwatch.GetTimestamp() + (long)(gapMs / 1000.0 * Stopwatch.Frequency);
                await ApplyAsync(i);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            process.Refresh();
            return process.TotalProcessorTime - cpu0;
        }

        // Control: the same kind of changes with no board open (the shared rebuild and the ticket service only);
        // also warms up those code paths. These tickets stay open, so the boards start with some rows.
        await ApplyManyAsync(10);
        var controlCpu = await ApplyManyAsync(10);
        Console.WriteLine($"server CPU per change with 0 boards open (after 10 warm-up changes): {controlCpu.TotalMilliseconds / 10:0.0} ms");
        actions.Clear();
        commits.Clear();
        await Task.Delay(2000);
        var (heap0, ws0) = MeasureMemory();
        Console.WriteLine($"idle server CPU with 0 boards: {await IdleCpuAsync(idleSeconds)}");

        await browsers.StandardInput.WriteLineAsync("go");
        await Expect(browsers, "ready");
        var boardsReady = Stopwatch.GetTimestamp();
        await Task.Delay(2000);
        var (heapN, wsN) = MeasureMemory();
        Console.WriteLine($"memory: GC heap {Mb(heap0)} -> {Mb(heapN)} MB, working set {Mb(ws0)} -> {Mb(wsN)} MB with {boards} boards");
        Console.WriteLine($"memory per open board: GC heap {Kb((heapN - heap0) / boards)} KB, working set {Kb((wsN - ws0) / boards)} KB");
        // Two windows: the first may still include tier-1 JIT of the first renders; the second is steady state.
        // One idle window: the server's CPU, and the browsers' own CPU over the same window.
        // (The boards' renderers' CPU in that window is kept: the rate at which the countdowns alone cost them.)
        double idleRendererMsPerSecond = 0;
        async Task<(string Server, double BrowsersMs)> IdleWindowAsync()
        {
            var browsers0 = TreeCpuByType(browsers.Id);
            var wall0 = Stopwatch.GetTimestamp();
            var server = await IdleCpuAsync(idleSeconds);
            var browsers1 = TreeCpuByType(browsers.Id);
            idleRendererMsPerSecond = (browsers1.GetValueOrDefault("renderer") - browsers0.GetValueOrDefault("renderer")).TotalMilliseconds
                / Stopwatch.GetElapsedTime(wall0).TotalSeconds;
            return (server, (Total(browsers1) - Total(browsers0)).TotalMilliseconds);
        }
        var idleFirst = await IdleCpuAsync(idleSeconds);
        var (idleSecond, idleBrowserMs) = await IdleWindowAsync();
        Console.WriteLine($"idle server CPU with {boards} boards (countdowns ticking in the browsers): {idleFirst}; again: {idleSecond}");
        Console.WriteLine($"  meanwhile the browsers' own CPU: {idleBrowserMs:0} ms in {idleSeconds} s; the boards' renderers: {idleRendererMsPerSecond / boards:0.00} ms per page per second");
        var tickingRendererMsPerSecond = idleRendererMsPerSecond;
        // The same boards with their countdowns stopped: what the ticking itself costs the server (nothing, if the
        // two agree within the machine's noise) apart from what open connections cost.
        await browsers.StandardInput.WriteLineAsync("pause");
        await Expect(browsers, "paused");
        var (idlePaused, pausedBrowserMs) = await IdleWindowAsync();
        await browsers.StandardInput.WriteLineAsync("resume");
        await Expect(browsers, "resumed");
        Console.WriteLine($"idle server CPU with {boards} boards, countdowns stopped: {idlePaused}; the browsers' own CPU meanwhile: {pausedBrowserMs:0} ms in {idleSeconds} s");

        // What an open board holds once it has settled: a page's browser fetched its document, stylesheets and scripts
        // over several connections at once, which then stay open, idle, until the server's keep-alive time-out
        // (Kestrel: 130 s) closes them; behind a load balancer they end at the balancer. What stays is the board's
        // circuit and its WebSocket. (--no-settled-memory skips the wait.)
        if (!args.Contains("--no-settled-memory"))
        {
            var keepAlive = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>()
                .Value.Limits.KeepAliveTimeout;
            var wait = keepAlive + TimeSpan.FromSeconds(5) - Stopwatch.GetElapsedTime(boardsReady);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var (heapS, wsS) = MeasureMemory();
            Console.WriteLine($"memory per open board once its idle HTTP connections closed ({keepAlive.TotalSeconds:0} s keep-alive): " +
                $"GC heap {Kb((heapS - heap0) / boards)} KB, working set {Kb((wsS - ws0) / boards)} KB");
        }

        var pushed0 = Volatile.Read(ref pushed);
        lock (published)
        {
            published.Clear();
        }

        if (changes == 0)
        {
            // Memory and idle figures only.
            await browsers.StandardInput.WriteLineAsync("collect 0 0 0");
            await browsers.StandardOutput.ReadLineAsync();
            await IdleAfterAsync(browsers, idleSeconds);
            return 0;
        }

        var byType0 = TreeCpuByType(browsers.Id);
        var changesWall = Stopwatch.GetTimestamp();
        clicking = true;
        var changesCpu = await ApplyManyAsync(changes);
        var changesSeconds = Stopwatch.GetElapsedTime(changesWall).TotalSeconds;
        var byType = TreeCpuByType(browsers.Id);
        var browserCpu = Total(byType) - Total(byType0);
        var snapshots = Volatile.Read(ref pushed) - pushed0;

        var final = commits[^1];
        await browsers.StandardInput.WriteLineAsync($"collect {final.Rows} {final.Acked} {changes}");
        var logs = JsonSerializer.Deserialize<long[][][]>(await browsers.StandardOutput.ReadLineAsync() ?? "[]")!;
        await browsers.WaitForExitAsync();
        // Raw stamps for a closer look (e.g. latency by board, i.e. by the order the boards subscribed).
        if (Environment.GetEnvironmentVariable("BOARD_DUMP") is { } dump)
        {
            File.WriteAllText(dump, JsonSerializer.Serialize(new { commits = commits.Select(c => new[] { c.At, c.Rows, c.Acked }), logs }));
        }

        var latencies = new List<double>();
        var perBoard = new List<double>();
        foreach (var (at, rows, acked) in commits)
        {
            var seen = logs.Select(log => log.First(e => e[0] >= rows && e[1] >= acked)[2] - at).ToList();
            latencies.Add(seen.Max());
            perBoard.AddRange(seen.Select(v => (double)v));
        }

        // Each change's snapshot: the first one published after the call before it returned (the rebuild can finish first).
        List<double> rebuilds;
        lock (published)
        {
            rebuilds = commits.Select((c, i) => (Commit: c.At, From: i == 0 ? long.MinValue : commits[i - 1].At))
                .Select(c => published.Where(p => p > c.From).Select(p => (double)Math.Max(0, p - c.Commit)).DefaultIfEmpty(double.NaN).First())
                .Where(d => !double.IsNaN(d)).ToList();
        }
        // Clicked acknowledgements: from the click (the operator's browser included), and from their commit.
        var clickToAll = clicks.Select(c => latencies[c.Change]).ToList();
        var clickToCommit = clicks.Select(c => (double)(changed[(c.TicketId, 2)] - c.ClickedAt)).ToList();
        var clickToCommitByChange = clicks.ToDictionary(c => c.Change, c => changed[(c.TicketId, 2)] - c.ClickedAt);
        var commitToAll = latencies.Select((l, i) => l - clickToCommitByChange.GetValueOrDefault(i)).ToList();
        Console.WriteLine($"CLICK -> visible on every one of {boards} boards ({clicks.Count} acknowledgements clicked in the carrier's queue page): " +
            $"p50 {Percentile(clickToAll, 50):0} ms, p95 {Percentile(clickToAll, 95):0} ms, max {clickToAll.Max():0} ms");
        Console.WriteLine($"  of which click -> committed (operator's browser, network, server action): p50 {Percentile(clickToCommit, 50):0} ms, p95 {Percentile(clickToCommit, 95):0} ms, max {clickToCommit.Max():0} ms");
        Console.WriteLine($"COMMIT -> visible on every one of {boards} boards, all {changes} changes: " +
            $"p50 {Percentile(commitToAll, 50):0} ms, p95 {Percentile(commitToAll, 95):0} ms, max {commitToAll.Max():0} ms");
        Console.WriteLine($"  reports (new row): p50 {Percentile(Every(commitToAll, 0), 50):0} ms, p95 {Percentile(Every(commitToAll, 0), 95):0} ms; " +
            $"acknowledgements (state and compliance change): p50 {Percentile(Every(commitToAll, 1), 50):0} ms, p95 {Percentile(Every(commitToAll, 1), 95):0} ms");
        Console.WriteLine($"from click or commit, per board ({perBoard.Count} samples): p50 {Percentile(perBoard, 50):0} ms, p95 {Percentile(perBoard, 95):0} ms, max {perBoard.Max():0} ms");
        Console.WriteLine($"operator action (report: service call incl. commit; acknowledge: the browser's click) with {boards} boards open: " +
            $"p50 {Percentile(actions, 50):0.0} ms, p95 {Percentile(actions, 95):0.0} ms, max {actions.Max():0.0} ms");
        Console.WriteLine($"  in run order, by tenths: {string.Join(" ", latencies.Chunk(Math.Max(1, changes / 10)).Select(c => c.Max().ToString("0", CultureInfo.InvariantCulture)))} ms (max of each tenth)");
        Console.WriteLine($"board snapshots pushed while applying the changes: {snapshots} ({snapshots / (double)changes:0.00} per change); " +
            $"commit -> snapshot rebuilt and published: p50 {Percentile(rebuilds, 50):0} ms, p95 {Percentile(rebuilds, 95):0} ms");
        Console.WriteLine($"server CPU while applying the changes: {changesCpu.TotalMilliseconds:0} ms = {changesCpu.TotalMilliseconds / changes:0.0} ms per change for {boards} boards");
        Console.WriteLine($"browsers' CPU (all Chromium processes) meanwhile: {browserCpu.TotalMilliseconds:0} ms = {browserCpu.TotalMilliseconds / changes:0.0} ms per change; load average now {LoadAverage()}");
        Console.WriteLine("  by Chromium process type: " + string.Join(", ", byType.Select(t =>
            $"{t.Key} {(t.Value - byType0.GetValueOrDefault(t.Key)).TotalMilliseconds / changes:0.0} ms")) + " per change");
        // The boards' renderer processes (not the operator's): per page per change, as measured (changes and the
        // countdown ticks between them), and without the ticks (the idle ticking rate over the same time taken off).
        var rendererMs = (byType.GetValueOrDefault("renderer") - byType0.GetValueOrDefault("renderer")).TotalMilliseconds;
        Console.WriteLine($"RENDERER CPU per board page per change: {rendererMs / boards / changes:0.00} ms with the countdown ticks between changes; " +
            $"{(rendererMs - tickingRendererMsPerSecond * changesSeconds) / boards / changes:0.00} ms for the change alone " +
            $"(ticking costs {tickingRendererMsPerSecond / boards:0.00} ms per page per second, {changesSeconds:0} s of changes)");
        var metrics = await browsers.StandardOutput.ReadLineAsync();
        if (!string.IsNullOrEmpty(metrics))
        {
            Console.WriteLine("  one board's renderer, per change (CDP Performance metrics): " + metrics);
        }

        await IdleAfterAsync(browsers, idleSeconds);

        return 0;
    }

    /// <summary>CPU of the process tree grouped by Chromium's <c>--type=</c> (browser, renderer, gpu-process, utility).</summary>
    internal static Dictionary<string, TimeSpan> TreeCpuByType(int root)
    {
        var result = new Dictionary<string, TimeSpan>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        var tree = Tree(root);
        // The operator's Chromium and its children are counted apart ("operator ..."): the boards' figures are the boards'.
        var operatorTree = tree.Where(pid => Cmdline(pid).Contains(BoardBrowsers.OperatorMark)).SelectMany(Tree).ToHashSet();
        foreach (var pid in tree)
        {
            try
            {
                // Chromium rewrites its command line as one space-separated string.
                var cmd = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', ' ');
                var type = pid == root ? "harness" : cmd.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?[7..]
                    ?? (cmd[0].Contains("chrom", StringComparison.Ordinal) ? "browser" : Path.GetFileName(cmd[0]));
                type = operatorTree.Contains(pid) ? "operator " + type : type;
                result[type] = result.GetValueOrDefault(type) + ProcessCpu(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return result;
    }

    private static string[] Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', ' ');
        }
        catch (IOException)
        {
            return [];
        }
    }

    // After "pid (comm) ": state, ppid, ...; utime and stime are fields 14 and 15 of the full line, in ticks of 1/100 s.
    private static TimeSpan ProcessCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds(10 * (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)));
    }

    private static HashSet<int> Tree(int root)
    {
        var parents = new List<(int Pid, int Parent)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents.Add((pid, int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture)));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (!tree.Contains(pid) && tree.Contains(parent))
                {
                    grew = tree.Add(pid) || grew;
                }
            }
        }
        return tree;
    }

    // Chromium run as root (as in this sandbox and its CI) gives its compositor, IO and GPU threads nice -8
    // (base::ThreadType::kDisplayCritical), which a desktop user's Chromium cannot: without CAP_SYS_NICE they stay
    // at nice 0. Left at -8, fifty boards' display threads outrank the server (weight 5.5 : 1) and the very
    // thread that hands the change to the boards stalls for up to 250 ms; so the browsers run without that
    // capability, as the viewers' own PCs would run them.
    private static bool CanDropNice() => Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");

    /// <summary>One account per carrier (the first by user name), for clicking in its queue page.</summary>
    private static async Task<Dictionary<int, string>> CarrierUsersAsync(BenchmarkApp app, IEnumerable<int> carrierIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.AsEnumerable()
            .Where(u => u.CarrierId is not null).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
        return carrierIds.ToDictionary(id => id, id => users.First(u => u.CarrierId == id).UserName!);
    }

    private static Process StartBrowsers(Uri baseAddress, int boards, string ackedName, string operators, int nice, bool dropNice)
    {
        // Started the way this process was: the apphost directly, or "dotnet <dll>"; optionally under nice(1),
        // and under setpriv(1) without CAP_SYS_NICE (inherited by the Playwright driver and every Chromium process).
        var self = Environment.ProcessPath!;
        var command = new List<string>();
        if (dropNice)
        {
            command.AddRange(["/usr/bin/setpriv", "--bounding-set", "-sys_nice"]);
        }

        if (nice != 0)
        {
            command.AddRange(["nice", "-n", nice.ToString(CultureInfo.InvariantCulture)]);
        }

        command.Add(self);
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in command.Skip(1))
        {
            info.ArgumentList.Add(a);
        }

        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var a in new[] { "board-browsers", baseAddress.ToString(), boards.ToString(CultureInfo.InvariantCulture), ackedName, operators })
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the browser process");
    }

    private static async Task Expect(Process browsers, string line)
    {
        var got = await browsers.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (got != line)
        {
            throw new InvalidOperationException($"Browser process said '{got}', expected '{line}'");
        }
    }

    // The 0-board figure again once every page is closed: the same warm server (the first 0-board window follows the
    // warm-up changes, whose JIT tiering and cleanup still run), so the two idle figures compare like with like.
    private static async Task IdleAfterAsync(Process browsers, int idleSeconds)
    {
        await browsers.WaitForExitAsync();
        await Task.Delay(5000);
        MeasureMemory();
        Console.WriteLine($"idle server CPU with 0 boards, after every page was closed (warm server): {await IdleCpuAsync(idleSeconds)}; load average now {LoadAverage()}");
    }

    private static async Task<string> IdleCpuAsync(int seconds)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall0 = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var wall = Stopwatch.GetElapsedTime(wall0);
        return $"{cpu.TotalMilliseconds:0} ms CPU in {wall.TotalSeconds:0.0} s = {100 * cpu / wall:0.00} % of one core";
    }

    private static async Task<T> WithTickets<T>(BenchmarkApp app, Func<UseCases, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(new UseCases(scope.ServiceProvider));
    }

    // The sign-in principal of a demo account: the handlers check every principal against its account.
    private static async Task<ClaimsPrincipal> SignedInAsync(BenchmarkApp app, Func<ApplicationUser, bool> which)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = users.Users.AsEnumerable().Where(which).OrderBy(u => u.UserName, StringComparer.Ordinal).First();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    private static (long Heap, long WorkingSet) MeasureMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static TimeSpan Total(Dictionary<string, TimeSpan> byType) => TimeSpan.FromTicks(byType.Values.Sum(t => t.Ticks));

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static List<double> Every(List<double> values, int offset) => values.Where((_, i) => i % 2 == offset).ToList();

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture);

#if DEBUG
    private static bool IsDebug() => true;
#else
    private static bool IsDebug() => false;
#endif
}
