using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>An app of its own for <see cref="LayoutFacts"/>: the demo tickets (every state and mark the board
/// shows) and a two-second wall screen, so the wall's paging can be watched without waiting ten seconds.</summary>
public sealed class LayoutApp() : BrowserApp(new Dictionary<string, string?>
{
    ["Board:DemoTickets"] = "true",
    ["Board:WallScreenSeconds"] = "2",
});

/// <summary>The layout as people really use it, in Chromium: every page each demo role reaches, on a phone
/// (390×844), a laptop with the drawer open (1366×768) and a desktop (1920×1080), in Chinese and English, has
/// no sideways overflow and no text spilling out of (or silently cut off in) a table cell, chip, button, the
/// app bar or a board cell; and the wall, with more open faults than fit on it, keeps every column apart and
/// inside the screen and pages through the faults with a visible "第 1/N 屏" marker.</summary>
public sealed class LayoutFacts(LayoutApp app) : IClassFixture<LayoutApp>
{
    private static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1366, 768), (390, 844)];

    // The page's own overflow, and text wider than its box in the elements where that means clipped or
    // overprinted text. A box that clips on purpose shows an ellipsis (the full text is then in its title);
    // a box that scrolls (overflow auto) is left alone, except a table that scrolls sideways.
    internal const string FindOverflow = """
        () => {
          const found = [];
          const de = document.documentElement;
          const describe = el => {
            const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
            const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
            return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
          };
          const visible = el => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
          if (de.scrollWidth > de.clientWidth) {
            const wide = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > de.clientWidth + 1 && visible(el));
            const innermost = wide.filter(el => !wide.some(o => o !== el && el.contains(o)));
            found.push(`the page is ${de.scrollWidth}px wide in a ${de.clientWidth}px window; sticking out: ${innermost.slice(0, 4).map(describe).join(', ')}`);
          }
          for (const el of document.querySelectorAll('.mud-table-container')) {
            if (visible(el) && el.scrollWidth > el.clientWidth + 1) found.push(`the table scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px): ${describe(el.querySelector('thead, tr') ?? el)}`);
          }
          const boxes = 'td, th, [role=cell], [role=columnheader], .mud-chip, .mud-button-root, .mud-appbar .mud-typography, .mud-appbar a, '
            + '.board-count-label, .board-bar-label, .board-bar-value, .board-legend, .wall-header > *, .board-screen';
          for (const el of document.querySelectorAll(boxes)) {
            if (el.clientWidth === 0 || !visible(el) || el.closest('[class*=mud-badge], [data-testid=bell]')) continue;
            const cs = getComputedStyle(el);
            if (el.scrollWidth > el.clientWidth + 1) {
              if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
              if (cs.overflowX !== 'visible' && cs.textOverflow === 'ellipsis') continue;
              found.push(`text ${cs.overflowX === 'visible' ? 'spills out of' : 'is cut off in'} ${describe(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
              continue;
            }
            // A cell squeezed so narrow that its text wraps a character or two per line.
            if (el.matches('td, [role=cell]')) {
              const size = parseFloat(cs.fontSize);
              const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
              if ((el.innerText || '').trim().length >= 4 && inner < 2.5 * size && el.clientHeight > 3.6 * size) {
                found.push(`text wraps a character per line in ${describe(el)} (${inner}px wide)`);
              }
            }
          }
          // The app bar keeps one line: no wrapped title, name or button label.
          for (const el of document.querySelectorAll('.mud-appbar .mud-typography, .mud-appbar a, .mud-appbar .mud-button-label')) {
            if (!visible(el) || el.closest('[class*=mud-badge], [data-testid=bell]')) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (el.getBoundingClientRect().height > 2.2 * size) found.push(`the app bar wraps ${describe(el)}`);
          }
          // On a phone, what people tap is at least 44 px tall.
          if (innerWidth < 600) {
            for (const el of document.querySelectorAll('.mud-main-content button.mud-button-root, .mud-main-content a.mud-button-root')) {
              if (!visible(el)) continue;
              const r = el.getBoundingClientRect();
              if (r.height < 43.5) found.push(`a ${Math.round(r.height)}px tall touch target: ${describe(el)}`);
            }
          }
          // A board countdown is a size-contained box with its text clipped: it must have the room for its text.
          for (const el of document.querySelectorAll('.board-countdown')) {
            if (visible(el) && el.scrollWidth > el.clientWidth + 1) found.push(`the time left is cut off: ${describe(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
          }
          return [...new Set(found)];
        }
        """;

    [Fact]
    public async Task EveryPage_OnPhoneLaptopAndDesktop_InBothLanguages_FitsWithoutOverflow()
    {
        var number = await TicketToShowAsync();
        var application = await ApplicationToShowAsync(app);
        await DisconnectASiteAsync(app); // the board's 断网整改中 panel and the report's findings table have rows
        var findings = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = DateTime.UtcNow;

        // Two role/language walks at a time: most of a walk is waiting for the server and for MudBlazor to hear
        // of a new size, which overlaps well on two cores.
        using var lanes = new SemaphoreSlim(2);
        var walks = new[] { "leader", "ops", "telecom", "unicom", "admin", "secadmin", "auditor" }
            .SelectMany(user => new[] { "zh", "en" }.Select(lang => (user, lang)))
            .Select(async walk =>
            {
                await lanes.WaitAsync();
                try { await WalkAsync(walk.user, walk.lang, number, application, findings); }
                finally { lanes.Release(); }
            });
        await Task.WhenAll(walks);

        Assert.True(findings.Count == 0, $"Layout faults ({(DateTime.UtcNow - started).TotalSeconds:0} s):\n" + string.Join("\n", findings));
    }

    private async Task WalkAsync(string user, string lang, string number, string application, System.Collections.Concurrent.ConcurrentQueue<string> findings)
    {
        var page = await NewPageAsync(lang);
        await BrowserSession.SignInAsync(page, user, DemoData.Password);
        await Expect(page.GetByTestId("nav")).ToBeAttachedAsync();
        var paths = (await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('data-nav'))"))
            .Where(href => href != "/hangfire") // Hangfire's own dashboard, not this app's UI
            .Append("/notifications").ToList();
        if (paths.Contains("/board"))
        {
            paths.Add("/board/wall");
        }

        if (user is "leader" or "ops" or "telecom")
        {
            paths.Add($"/tickets/{number}");
        }

        if (user is "admin" or "ops")
        {
            // The registry's record pages (a site with the longest demo name, a carrier); the admin also the new-site form and the import.
            paths.Add("/admin/sites/13");
            paths.Add("/admin/carriers/1");
        }

        if (user is "admin")
        {
            paths.Add("/admin/sites/new");
            paths.Add("/admin/sites/import");
            paths.Add("/admin/carriers/new");
        }

        // Maintenance notices: the form for those who file, and a China Telecom notice for those who may see it.
        if (user is "ops" or "telecom")
        {
            paths.Add("/maintenance/new");
        }

        if (user is "leader" or "ops" or "telecom" && await MaintenanceNoticeToShowAsync() is { } notice)
        {
            paths.Add($"/maintenance/{notice}");
        }

        // The application pages that the navigation does not link: the forms, one application, its annex, the findings.
        if (paths.Contains("/applications"))
        {
            paths.AddRange(["/applications/new/access", "/applications/new/change", "/security/findings", $"/applications/{application}", $"/applications/{application}/print"]);
        }

        if (user == "telecom")
        {
            paths.Add($"/applications/{application}");
        }

        foreach (var path in paths.Distinct())
        {
            await page.SetViewportSizeAsync(Sizes[0].Width, Sizes[0].Height);
            await OpenAsync(page, path);
            foreach (var (width, height) in Sizes)
            {
                await ResizeAsync(page, width, height);
                var name = path.StartsWith("/tickets/GZ-", StringComparison.Ordinal) ? "ticket"
                    : path.StartsWith("/maintenance/WH-", StringComparison.Ordinal) ? "notice" : path.Trim('/').Replace('/', '-');
                var where = $"{path} as {user}, {width}×{height}, {lang}";
                foreach (var finding in await page.EvaluateAsync<string[]>(FindOverflow))
                {
                    findings.Enqueue($"{where}: {finding}");
                }

                // The desk board's rows by the wall's rules, on desk and laptop screens (a phone stacks each row's
                // cells): a table inside a page does not overflow the page, it squeezes its own columns or runs under
                // the panel beside it.
                if (path == "/board" && width >= 1366)
                {
                    foreach (var finding in await page.EvaluateAsync<string[]>(WallGeometry, false))
                    {
                        findings.Enqueue($"{where}: {finding}");
                    }
                }

                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(TestPaths.Artifacts("screenshots"), $"layout-{user}-{name}-{width}x{height}-{lang}.png"),
                });
            }
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wall_WithMoreOpenFaultsThanFit_KeepsColumnsApartAndPagesThroughThem()
    {
        // Thirty more open faults than the demo's, at every site in turn: more than fit on any of the screens below.
        var now = app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var tickets = TicketUseCases.From(scope.ServiceProvider);
            var sites = await tickets.SitesAsync();
            var ops = await tickets.UserAsync("ops");
            foreach (var i in Enumerable.Range(0, 30))
            {
                var reported = await tickets.ReportAsync(BoardActors.Fault(sites[i % sites.Count].Id, now, "浏览器测试：大屏分屏"), ops);
                Assert.True(reported.IsSuccess, reported.Error);
            }
        }
        var findings = new List<string>();

        foreach (var lang in new[] { "zh", "en" })
        {
            var wall = await NewPageAsync(lang);
            await BrowserSession.SignInAsync(wall, "leader", DemoData.Password);
            foreach (var (width, height) in new[] { (1366, 768), (1440, 900), (1920, 1080), (3840, 2160) })
            {
                await wall.SetViewportSizeAsync(width, height);
                await wall.GotoAsync("/board/wall");
                await Expect(wall.GetByTestId("board")).ToHaveAttributeAsync("data-live", "1");
                var marker = wall.GetByTestId("board-screen");
                await Expect(marker).ToBeVisibleAsync();
                var where = $"wall {width}×{height} {lang}";

                var first = await OnScreenAsync(wall);
                var (screen, screens) = Screen(first.Marker, lang, where);
                Assert.True(screens > 1, $"{where}: {screens} screen(s) for more faults than fit");
                findings.AddRange((await wall.EvaluateAsync<string[]>(WallGeometry, true)).Select(f => $"{where}: {f}"));
                findings.AddRange((await wall.EvaluateAsync<string[]>(FindOverflow)).Select(f => $"{where}: {f}"));
                await wall.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(TestPaths.Artifacts("screenshots"), $"layout-wall-{width}x{height}-{lang}.png"),
                });

                // The next screen comes on its own, and shows other faults.
                await Expect(marker).Not.ToHaveTextAsync(first.Marker, new() { Timeout = 8000 });
                var second = await OnScreenAsync(wall);
                var (next, _) = Screen(second.Marker, lang, where);
                Assert.Equal(screen % screens + 1, next);
                Assert.Empty(first.Numbers.Intersect(second.Numbers));
                findings.AddRange((await wall.EvaluateAsync<string[]>(WallGeometry, true)).Select(f => $"{where}, screen {next}: {f}"));
            }

            // Every open fault is on one of the screens of a cycle.
            var open = await wall.Locator("[data-testid=board-row]").CountAsync();
            var seen = new HashSet<string>();
            var shown = await OnScreenAsync(wall);
            var (_, total) = Screen(shown.Marker, lang, "wall");
            for (var i = 0; i < total; i++)
            {
                seen.UnionWith(shown.Numbers);
                await Expect(wall.GetByTestId("board-screen")).Not.ToHaveTextAsync(shown.Marker, new() { Timeout = 8000 });
                shown = await OnScreenAsync(wall);
            }
            Assert.Equal(open, seen.Count);
            await wall.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, "Wall layout faults:\n" + string.Join("\n", findings));
    }

    // The rows on screen: the site cell clear of its neighbours, every cell of the row inside the window
    // (the time left fully shown), no row below the bottom edge.
    private const string WallGeometry = """
        (wall) => {
          const found = [];
          const rows = [...document.querySelectorAll('[data-testid=board-row]')].filter(r => r.checkVisibility());
          if (rows.length === 0) found.push('no row shown');
          for (const row of rows) {
            const cells = [...row.children].map(c => c.getBoundingClientRect());
            const n = row.dataset.number;
            const site = row.querySelector('.board-site');
            const s = site.getBoundingClientRect();
            const i = [...row.children].indexOf(site);
            if (cells[i - 1].right > s.left + 0.5) found.push(`${n}: the number overlaps the site`);
            if (cells[i + 1].left < s.right - 0.5) found.push(`${n}: the site overlaps the next column`);
            if (s.width < 48) found.push(`${n}: the site column is ${s.width}px wide`);
            if (site.scrollWidth > site.clientWidth && site.title.trim() === '') found.push(`${n}: the cut site name has no title`);
            const left = row.querySelector('.board-left').getBoundingClientRect();
            const countdown = row.querySelector('.board-countdown');
            if (left.right > innerWidth || left.left < 0) found.push(`${n}: the time left is outside the window (${left.left}–${left.right} of ${innerWidth})`);
            if (countdown.scrollWidth > countdown.clientWidth + 1) found.push(`${n}: the time left "${countdown.textContent}" is cut off`);
            if (wall && row.getBoundingClientRect().bottom > innerHeight + 0.5) found.push(`${n}: the row is below the screen's edge`);
            const panel = document.querySelector('[data-testid=compliance]').getBoundingClientRect();
            if (cells.some(c => c.width > 0 && c.left < panel.right && c.right > panel.left && c.top < panel.bottom && c.bottom > panel.top)) found.push(`${n}: a cell lies under the compliance panel`);
            for (let k = 1; k < cells.length; k++) {
              if (cells[k - 1].right > cells[k].left + 0.5) found.push(`${n}: cells ${k} and ${k + 1} overlap`);
            }
          }
          const compliance = document.querySelector('[data-testid=compliance]').getBoundingClientRect();
          const list = document.querySelector('.board-list').getBoundingClientRect();
          if (compliance.left < list.right && compliance.top < list.bottom && compliance.bottom > list.top && compliance.right > list.left) found.push('the compliance panel overlaps the table');
          if (wall && document.documentElement.scrollHeight > innerHeight + 1) found.push(`the wall is taller than the screen (${document.documentElement.scrollHeight}px)`);
          return found;
        }
        """;

    private sealed class OnScreen
    {
        public string Marker { get; set; } = "";
        public string[] Numbers { get; set; } = [];
    }

    // The marker and the rows shown, read together (a screen lasts two seconds).
    private static async Task<OnScreen> OnScreenAsync(IPage wall) => await wall.EvaluateAsync<OnScreen>("""
        () => ({
          marker: document.querySelector('[data-testid=board-screen]').textContent.trim(),
          numbers: [...document.querySelectorAll('[data-testid=board-row]')].filter(r => r.checkVisibility()).map(r => r.dataset.number),
        })
        """);

    private static (int Screen, int Screens) Screen(string marker, string lang, string where)
    {
        var match = System.Text.RegularExpressions.Regex.Match(marker, lang == "zh" ? @"^第 (\d+)/(\d+) 屏$" : @"^Screen (\d+)/(\d+)$");
        Assert.True(match.Success, $"{where}: marker \"{marker}\"");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A ticket of telecom's (carrier 1) with a timeline: acknowledged, with a progress note.</summary>
    /// <summary>One access application, approved for China Telecom: the application page, its annex and telecom's tasks.</summary>
    /// <summary>A serious finding at a township site: it is cut off (断网整改中) while the pages are walked.</summary>
    private static async Task DisconnectASiteAsync(LayoutApp app)
    {
        using var scope = app.Factory.Services.CreateScope();
        await using var db = app.Factory.NewDbContext();
        var ops = Integration.Tickets.PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ops"), GovNetOps.Web.Infrastructure.Security.AppRoles.Ops).Build();
        var site = await db.Sites.Where(s => s.IsActive && s.LocationClass == LocationClass.Township).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var recorded = await scope.ServiceProvider.GetRequiredService<GovNetOps.Web.Features.Applications.Findings.SecurityFindingHandler>()
            .RecordAsync(site, GovNetOps.Domain.Security.FindingSeverity.Serious, "终端存在弱口令并私接互联网，须整改后恢复接入",
                GovNetOps.Domain.Common.ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(10), ops);
        Assert.True(recorded.IsSuccess, recorded.Error);
    }

    private static async Task<string> ApplicationToShowAsync(LayoutApp app)
    {
        using var scope = app.Factory.Services.CreateScope();
        await using var db = app.Factory.NewDbContext();
        var ops = Integration.Tickets.PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ops"), GovNetOps.Web.Infrastructure.Security.AppRoles.Ops).Build();
        var number = await scope.ServiceProvider.GetRequiredService<GovNetOps.Web.Features.Applications.Record.RecordApplicationHandler>()
            .RecordAsync(Integration.Applications.ApplicationFormBuilder.Access("桐柏县统计局"), ops, []);
        var id = await db.NetworkApplications.Where(a => a.Number == number.Value).Select(a => a.Id).SingleAsync();
        var approved = await scope.ServiceProvider.GetRequiredService<GovNetOps.Web.Features.Applications.Actions.ApplicationActionHandler>().ApproveAsync(id, 1,
            new GovNetOps.Web.Features.Applications.Actions.ApprovalInput { IpAllocation = "10.60.12.0/28", CarrierId = 1, LocationClass = LocationClass.CountyDirect, Opinion = "同意" }, ops);
        Assert.True(approved.IsSuccess, approved.Error);
        return number.Value!;
    }

    private async Task<string> TicketToShowAsync()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(3));
        await driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);
        await driver.ApplyAsync(id, "telecom", TicketTrigger.PostProgress, "工程师已到现场，正在排查光缆");
        return number;
    }

    private async Task<IPage> NewPageAsync(string lang)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = lang == "en" ? "en-US" : "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = Sizes[0].Width, Height = Sizes[0].Height },
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var page = await context.NewPageAsync();
        if (lang == "en")
        {
            await page.GotoAsync("/culture?name=en&redirect=/account/login");
        }

        return page;
    }

    private readonly SemaphoreSlim _noticeLock = new(1, 1);
    private string? _notice;

    /// <summary>An approved, ongoing China Telecom notice over two sites (filed once per run, through the app's handlers).</summary>
    private async Task<string?> MaintenanceNoticeToShowAsync()
    {
        await _noticeLock.WaitAsync();
        try
        {
            _notice ??= await MaintenanceBrowserFacts.FileApprovedAsync(app.Factory.Services, startNow: true);
            return _notice;
        }
        finally
        {
            _noticeLock.Release();
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        if (path == "/board/wall")
        {
            await Expect(page.GetByTestId("board")).ToHaveAttributeAsync("data-live", "1");
            return;
        }
        await BrowserSession.WaitInteractiveAsync(page);
        if (EnglishPagesFacts.ReadyWhen.TryGetValue(path, out var selector))
        {
            await page.Locator(selector).First.WaitForAsync();
        }

        if (path.StartsWith("/tickets/GZ-", StringComparison.Ordinal))
        {
            await page.GetByTestId("timeline").WaitForAsync();
        }
    }

    // A new size: MudBlazor hears of it through a resize listener and re-renders over the circuit (the drawer
    // closes on a phone); two frames after that settled.
    private static async Task ResizeAsync(IPage page, int width, int height)
    {
        if (page.ViewportSize is { } v && v.Width == width && v.Height == height)
        {
            return;
        }

        await page.SetViewportSizeAsync(width, height);
        await page.WaitForTimeoutAsync(150);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }
}
