using System.Text.Json;
using Microsoft.Playwright;

namespace GovNetOps.Benchmarks;

/// <summary>
/// The browser side of <see cref="BoardBenchmark"/>, run as a child process so the Playwright client's own
/// CPU and memory are not counted as the server's. Talks over stdin/stdout, one line each:
/// opens the operators' pages (one carrier queue per account given, in a browser of their own: the operator's PC),
/// prints "warm" after one board was opened and closed, waits for "go", opens the boards, prints "ready",
/// answers "pause" / "resume" (every board's countdowns) with "paused" / "resumed" and "click USER NUMBER" (USER's
/// queue page clicks 响应接单 on ticket NUMBER) with "clicked MS", MS being Date.now() at the pointer going down,
/// then waits for "collect ROWS ACKED CHANGES" and prints every board's log as JSON once each board shows that state,
/// then one line of one board's renderer metrics per change.
/// </summary>
internal static class BoardBrowsers
{
    private const string Password = "Tongbai@2026";

    // Logs Date.now() whenever the number of rows or of acknowledged rows on the board changes.
    private const string LogScript = """
        (ackedName) => {
            window.__log = [];
            let last = "";
            const check = () => {
                const all = document.querySelectorAll('[data-testid=board-row]');
                let acked = 0;
                for (const r of all) if (r.querySelector('[data-testid=row-state]')?.textContent === ackedName) acked++;
                const key = all.length + "/" + acked;
                if (key !== last) { last = key; window.__log.push([all.length, acked, Date.now()]); }
            };
            // A countdown tick rewrites only countdown text, which cannot change rows or states: skip those batches,
            // so the measurement adds no work to the once-a-second tick of every board.
            const tickOnly = records => records.every(r => r.type === "characterData" && r.target.parentElement?.classList.contains("board-countdown"));
            new MutationObserver(records => {
                if (!tickOnly(records)) check();
            }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            check();
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var baseAddress = new Uri(args[0]);
        var boards = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var ackedName = args[2];
        var operators = args.Length > 3 ? args[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(LaunchOptions());

        // Sign in once through the real form; every board reuses the cookie.
        var login = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var loginPage = await login.NewPageAsync();
        await loginPage.GotoAsync("/account/login", new PageGotoOptions { Timeout = 120_000 });
        await loginPage.FillAsync("#username", "leader");
        await loginPage.FillAsync("#password", Password);
        await loginPage.PressAsync("#password", "Enter");
        await loginPage.WaitForURLAsync("**/board");
        var cookie = await login.StorageStateAsync();
        await login.CloseAsync();

        // The operators' browser: a Chromium of its own (the operator's PC), marked on its command line so the
        // benchmark can tell its processes' CPU from the boards' (Chromium ignores a switch it does not know).
        await using var operatorBrowser = await playwright.Chromium.LaunchAsync(LaunchOptions(OperatorMark));
        var queues = new Dictionary<string, IPage>(StringComparer.Ordinal);
        foreach (var user in operators)
        {
            queues[user] = await OpenQueueAsync(operatorBrowser, baseAddress, user);
        }

        // Warm-up: one board opened and closed, so JIT and first-use caches are not counted per board.
        var warm = await OpenBoardAsync(browser, baseAddress, cookie);
        await warm.Context.CloseAsync();
        Console.WriteLine("warm");
        if (Console.ReadLine() != "go")
        {
            return 1;
        }

        var pages = new List<IPage>();
        for (var i = 0; i < boards; i += 10)
        {
            pages.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, boards - i)).Select(_ => OpenBoardAsync(browser, baseAddress, cookie))));
        }

        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(LogScript, ackedName)));
        // One board's renderer, from its own counters (CDP Performance domain): where its time goes.
        var cdp = await pages[0].Context.NewCDPSessionAsync(pages[0]);
        await cdp.SendAsync("Performance.enable");
        var before = await MetricsAsync(cdp);
        // Optional Chrome trace of that board (chrome://tracing / Perfetto format) for a closer look.
        var trace = Environment.GetEnvironmentVariable("BOARD_TRACE");
        var traceEvents = new List<JsonElement>();
        var traceDone = new TaskCompletionSource();
        ICDPSession? tracing = null;
        if (trace is not null)
        {
            tracing = await browser.NewBrowserCDPSessionAsync();
            tracing.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                lock (traceEvents)
                {
                    traceEvents.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
                }
            };
            tracing.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceDone.TrySetResult();
            await tracing.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,v8.execute,toplevel",
                ["transferMode"] = "ReportEvents",
            });
        }
        Console.WriteLine("ready");

        // "pause" / "resume" stop and restart every board's countdowns through board.js's own exports (the module
        // instance the board imported; the server clock offset is taken as 0, this being the server's machine).
        var collect = Console.ReadLine()?.Split(' ');
        while (collect is ["pause"] or ["resume"] or ["click", _, _])
        {
            if (collect is ["click", var user, var number])
            {
                var queue = queues[user];
                // As a person does: the button once it is there (the queue page shows a new ticket live), then the click.
                await queue.Locator($"[data-testid=acknowledge][data-number='{number}']").ClickAsync(new LocatorClickOptions { Timeout = 60_000 });
                Console.WriteLine("clicked " + await queue.EvaluateAsync<long>("() => window.__pressed"));
                collect = Console.ReadLine()?.Split(' ');
                continue;
            }

            var call = collect[0] == "pause" ? "m.stop(root)" : "m.start(root, Date.now())";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync(
                $"async () => {{ const m = await import('/js/board.js'); const root = document.querySelector('[data-testid=board]'); {call}; }}")));
            Console.WriteLine(collect[0] + "d");
            collect = Console.ReadLine()?.Split(' ');
        }
        if (collect is not ["collect", var rows, var acked, var applied])
        {
            return 1;
        }

        var logs = await Task.WhenAll(pages.Select(async p =>
        {
            await p.WaitForFunctionAsync($"() => window.__log.some(e => e[0] >= {rows} && e[1] >= {acked})", null,
                new PageWaitForFunctionOptions { Timeout = 120_000 });
            return await p.EvaluateAsync<long[][]>("() => window.__log");
        }));
        var after = await MetricsAsync(cdp);
        if (tracing is not null)
        {
            await tracing.SendAsync("Tracing.end");
            await traceDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
            lock (traceEvents)
            {
                File.WriteAllText(trace!, JsonSerializer.Serialize(new { traceEvents }));
            }
        }
        var changes = int.Parse(applied, System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(JsonSerializer.Serialize(logs));
        Console.WriteLine(string.Join(", ", new[] { "TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration" }
            .Select(k => $"{k} {(after[k] - before[k]) * 1000 / changes:0.0} ms")) +
            $", {(after["RecalcStyleCount"] - before["RecalcStyleCount"]) / changes:0.0} style recalcs, {(after["LayoutCount"] - before["LayoutCount"]) / changes:0.0} layouts" +
            " (over all changes and the countdown ticks between them)");
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }

        return 0;
    }

    /// <summary>How every benchmark starts Chromium: Debian's, headless, with the flags this machine needs.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions(params string[] extra) => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-extensions", "--mute-audio", .. extra],
    };

    /// <summary>Marks the operators' Chromium on its command line (see <see cref="BoardBenchmark"/>'s CPU by process).</summary>
    public const string OperatorMark = "--govnetops-operator-browser";

    // The operator's page stamps Date.now() when the pointer goes down on it (capture phase, before any handler):
    // the click's own instant, so "click -> visible" includes everything the operator's browser does with it.
    private const string PressScript = "window.addEventListener('pointerdown', () => { window.__pressed = Date.now(); }, true);";

    private static async Task<IPage> OpenQueueAsync(IBrowser browser, Uri baseAddress, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        await context.AddInitScriptAsync(PressScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login", new PageGotoOptions { Timeout = 120_000 });
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync("**/carrier");
        // Interactive once the layout's marker is there (prerendered buttons ignore clicks).
        await page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        return page;
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    private static async Task<IPage> OpenBoardAsync(IBrowser browser, Uri baseAddress, string storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), StorageState = storageState, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        // A loaded shared machine opens fifty pages slowly: the page's own readiness is what is waited for below.
        await page.GotoAsync(Environment.GetEnvironmentVariable("BOARD_PATH") ?? "/board", new PageGotoOptions { Timeout = 120_000 });
        // Live once board.js started, i.e. the interactive circuit rendered the board.
        await page.WaitForSelectorAsync("[data-testid=board][data-live='1']", new PageWaitForSelectorOptions { Timeout = 120_000 });
        return page;
    }
}
