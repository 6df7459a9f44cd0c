using System.Text.Json;
using Microsoft.Playwright;

namespace GovNetOps.Benchmarks;

/// <summary>
/// The browser side of <see cref="BoardBenchmark"/>, run as a child process so the Playwright client's own
/// CPU and memory are not counted as the server's. Talks over stdin/stdout, one line each:
/// prints "warm" after one board was opened and closed, waits for "go", opens the boards, prints "ready",
/// then waits for "collect ROWS ACKED" and prints every board's log as JSON once each board shows that state.
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
            new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            check();
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var baseAddress = new Uri(args[0]);
        var boards = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var ackedName = args[2];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-extensions", "--mute-audio"],
        });

        // Sign in once through the real form; every board reuses the cookie.
        var login = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var loginPage = await login.NewPageAsync();
        await loginPage.GotoAsync("/account/login");
        await loginPage.FillAsync("#username", "leader");
        await loginPage.FillAsync("#password", Password);
        await loginPage.PressAsync("#password", "Enter");
        await loginPage.WaitForURLAsync("**/board");
        var cookie = await login.StorageStateAsync();
        await login.CloseAsync();

        // Warm-up: one board opened and closed, so JIT and first-use caches are not counted per board.
        var warm = await OpenBoardAsync(browser, baseAddress, cookie);
        await warm.Context.CloseAsync();
        Console.WriteLine("warm");
        if (Console.ReadLine() != "go") return 1;

        var pages = new List<IPage>();
        for (var i = 0; i < boards; i += 10)
            pages.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(10, boards - i)).Select(_ => OpenBoardAsync(browser, baseAddress, cookie))));
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(LogScript, ackedName)));
        Console.WriteLine("ready");

        var collect = Console.ReadLine()?.Split(' ');
        if (collect is not ["collect", var rows, var acked]) return 1;
        var logs = await Task.WhenAll(pages.Select(async p =>
        {
            await p.WaitForFunctionAsync($"() => window.__log.some(e => e[0] >= {rows} && e[1] >= {acked})", null,
                new PageWaitForFunctionOptions { Timeout = 120_000 });
            return await p.EvaluateAsync<long[][]>("() => window.__log");
        }));
        Console.WriteLine(JsonSerializer.Serialize(logs));
        foreach (var page in pages) await page.Context.CloseAsync();
        return 0;
    }

    private static async Task<IPage> OpenBoardAsync(IBrowser browser, Uri baseAddress, string storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), StorageState = storageState, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/board");
        // Live once board.js started, i.e. the interactive circuit rendered the board.
        await page.WaitForSelectorAsync("[data-testid=board][data-live='1']", new PageWaitForSelectorOptions { Timeout = 120_000 });
        return page;
    }
}
