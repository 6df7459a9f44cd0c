using System.Diagnostics;
using Microsoft.Playwright;

namespace GovNetOps.Benchmarks;

/// <summary>
/// What any page costs this machine's Chromium per frame, whatever the page: N pages of a minimal document whose one
/// text node changes once a second, in the Chromium and with the flags the <c>board</c> benchmark's boards use. Each
/// board draws at least one such frame for every change and one per second for its countdowns, so this is the floor
/// under the board's own figures: a change drawn on N boards costs at least N frames of CPU, shared by the machine's
/// cores with the server and with the other boards' countdowns.
/// </summary>
internal static class BoardFloorBenchmark
{
    private const string Page = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>
        <body style="margin:16px;font:16px sans-serif"><div id="t">0:00:00</div><script>
        const t = document.getElementById("t").firstChild;
        const tick = () => { t.nodeValue = new Date().toISOString().slice(11, 19); setTimeout(tick, 1005 - Date.now() % 1000); };
        tick();
        </script></body></html>
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = BoardBenchmark.Option(args, "--pages", 50);
        var seconds = BoardBenchmark.Option(args, "--seconds", 20);
        // --still: the same pages without their script, drawing no frame at all: what an open page costs with nothing to draw.
        var still = args.Contains("--still");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {BoardBenchmark.LoadAverage()}; {pages} minimal pages, " +
            (still ? "nothing changing (--still)" : "one text node changed once a second"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BoardBrowsers.LaunchOptions());
        for (var i = 0; i < pages; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await (await context.NewPageAsync()).SetContentAsync(still ? Page[..Page.IndexOf("<script>", StringComparison.Ordinal)] : Page);
        }

        await Task.Delay(5000);
        var before = BoardBenchmark.TreeCpuByType(Environment.ProcessId);
        var wall = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = BoardBenchmark.TreeCpuByType(Environment.ProcessId);
        var elapsed = Stopwatch.GetElapsedTime(wall).TotalSeconds;

        double PerPageSecond(string type) => (after.GetValueOrDefault(type) - before.GetValueOrDefault(type)).TotalMilliseconds / pages / elapsed;
        var types = after.Keys.Where(k => k != "harness").OrderBy(k => k, StringComparer.Ordinal).ToList();
        var chromium = types.Sum(PerPageSecond);
        Console.WriteLine($"CPU per page per second ({(still ? "no frame" : "one frame each")}): " + string.Join(", ", types.Select(t => $"{t} {PerPageSecond(t):0.00} ms")) +
            $"; all Chromium processes {chromium:0.00} ms");
        if (still)
        {
            return 0;
        }

        Console.WriteLine($"FLOOR: a change drawn on {pages} pages costs at least {pages} x {chromium:0.0} = {pages * chromium:0} ms of CPU, " +
            $"{pages * chromium / Environment.ProcessorCount:0} ms on {Environment.ProcessorCount} cores with nothing else running; " +
            $"their once-a-second frames alone take {pages * chromium / 10 / Environment.ProcessorCount:0.0} % of the machine");
        return 0;
    }
}
