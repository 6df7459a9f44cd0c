using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BoardFacts(BrowserApp app)
{
    private static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    private async Task<T> WithTickets<T>(Func<TicketUseCases, Task<T>> act)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await act(TicketUseCases.From(scope.ServiceProvider));
    }

    // The desk board has its own lean layout (no component library): its menu opens and closes the navigation as the
    // app's drawer does, a link there loads the app's page with the library, and the board itself loads none of it.
    [Fact]
    public async Task DeskBoard_LoadsNoComponentLibrary_AndItsMenuWorksOnAPhoneAndADesk()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignInAsync(page, "leader", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/board");
        Assert.Equal(0, await page.Locator("link[href*='MudBlazor'], script[src*='MudBlazor']").CountAsync());
        var nav = page.GetByTestId("nav");
        await Expect(nav).ToBeHiddenAsync();
        await page.GetByTitle("菜单").Last.ClickAsync();
        await Expect(nav).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "19/board-menu-open-390-zh");
        await nav.Locator("[data-nav='/tickets']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tickets$"));
        await Expect(page.Locator("link[href*='MudBlazor']")).ToHaveCountAsync(1);

        // On a desk the navigation is beside the board; the menu button (reached with the keyboard) folds it away.
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserSession.GotoInteractiveAsync(page, "/board");
        await Expect(nav).ToBeVisibleAsync();
        await page.Locator("#lean-nav-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(nav).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    // Two contexts: the leader watches the board; ops reports a fault and the carrier acknowledges it
    // (through the same service the pages use). Each change appears without a reload.
    [Fact]
    public async Task Board_ShowsReportAndAcknowledgement_WithoutReload()
    {
        var board = await app.NewPageAsync();
        await BrowserSession.SignInAsync(board, "leader", DemoData.Password);
        await board.GotoAsync("/board");
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();
        await board.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await board.EvaluateAsync("() => window.__marker = 1");

        var number = await WithTickets(async t =>
        {
            var site = (await t.SitesAsync()).First(s => s.Name == "淮源镇人民政府");
            var reported = await t.ReportAsync(BoardActors.Fault(site.Id, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow(), "浏览器测试：线路中断"), await t.UserAsync("ops"));
            Assert.True(reported.IsSuccess, reported.Error);
            return reported.Value!;
        });

        var row = board.Locator($"[data-testid=board-row][data-number='{number}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("row-state")).ToHaveTextAsync(Labels.State(TicketState.Reported, Chinese));
        await Expect(row).ToHaveAttributeAsync("data-state", "OnTrack");
        // The township's name on the row (BoardRowView.ShortSiteName), the unit's whole name in its title.
        await Expect(row.Locator(".board-site")).ToHaveTextAsync("淮源镇");
        await Expect(row.Locator(".board-site")).ToHaveAttributeAsync("title", "淮源镇人民政府");
        await BrowserApp.ScreenshotAsync(board, "board-reported");

        // The countdown ticks in the browser: its text changes without any server render.
        var version = await board.GetByTestId("board").GetAttributeAsync("data-snapshot-version");
        var first = await row.GetByTestId("countdown").TextContentAsync();
        await Expect(row.GetByTestId("countdown")).Not.ToHaveTextAsync(first!, new() { Timeout = 3000 });
        await Expect(board.GetByTestId("board")).ToHaveAttributeAsync("data-snapshot-version", version!);

        // Mark each compliance group's element: the acknowledgement must replace only the groups whose bars moved.
        var groupsBefore = await board.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=rate-row]')].map(g => { g.__kept = true; return g.textContent; })");

        await WithTickets(async t =>
        {
            var details = await t.FindAsync(number, await t.UserAsync("ops"));
            var applied = await t.ApplyAsync(details!.Ticket.Id, details.Ticket.Version, new TicketCommand(TicketTrigger.Acknowledge),
                await t.CarrierUserAsync(details.Ticket.CarrierId));
            Assert.True(applied.IsSuccess, applied.Error);
            return applied.Value;
        });

        await Expect(row.GetByTestId("row-state")).ToHaveTextAsync(Labels.State(TicketState.Acknowledged, Chinese));
        await Expect(row).ToContainTextAsync("修复");
        Assert.Equal(1, await board.EvaluateAsync<int>("() => window.__marker")); // same page: no reload

        // The carrier's response rate counts the acknowledgement; that group is new, a group whose text did not change is
        // the same element as before (only the changed pieces of the panel were patched, on every open board alike).
        await board.WaitForFunctionAsync("before => [...document.querySelectorAll('[data-testid=rate-row]')].some((g, i) => g.textContent !== before[i])",
            groupsBefore);
        var groupsAfter = await board.EvaluateAsync<GroupState[]>(
            "() => [...document.querySelectorAll('[data-testid=rate-row]')].map(g => ({ Text: g.textContent, Kept: g.__kept === true }))");
        Assert.Equal(groupsBefore.Length, groupsAfter.Length);
        Assert.All(groupsAfter.Select((g, i) => (g, Before: groupsBefore[i])), x => Assert.Equal(x.g.Text == x.Before, x.g.Kept));
        Assert.Contains(groupsAfter, g => g.Kept);
        Assert.Contains(groupsAfter, g => !g.Kept);
        await BrowserApp.ScreenshotAsync(board, "board-acknowledged");
        await board.Context.CloseAsync();
    }

    // Rows off screen skip the once-a-second text (board.js); one scrolled into view must show the time left now,
    // not the value it had when it left the screen.
    [Fact]
    public async Task Board_RowScrolledIntoView_ShowsTheCurrentCountdown()
    {
        var now = app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await WithTickets(async t =>
        {
            var ops = await t.UserAsync("ops");
            foreach (var site in (await t.SitesAsync()).Take(14))
            {
                var reported = await t.ReportAsync(BoardActors.Fault(site.Id, now, "浏览器测试：屏幕外的行"), ops);
                Assert.True(reported.IsSuccess, reported.Error);
            }
            return 0;
        });
        var board = await app.NewPageAsync();
        await board.SetViewportSizeAsync(1366, 300);
        await BrowserSession.SignInAsync(board, "leader", DemoData.Password);
        await board.GotoAsync("/board");
        await Expect(board.GetByTestId("board")).ToHaveAttributeAsync("data-live", "1");

        // The row placed lowest on the page, well below the window.
        var number = await board.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('.board-row[data-deadline]')]
                .sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top)[0].dataset.number
            """);
        var row = board.Locator($"[data-testid=board-row][data-number='{number}']");
        Assert.True(await row.EvaluateAsync<bool>("r => r.getBoundingClientRect().top > innerHeight + 400"), "the row should start off screen");
        var offScreen = await row.GetByTestId("countdown").TextContentAsync();
        await board.WaitForTimeoutAsync(2500); // a couple of ticks pass while it is off screen: its text is left alone
        Assert.Equal(offScreen, await row.GetByTestId("countdown").TextContentAsync());

        await row.ScrollIntoViewIfNeededAsync();
        // Shown: the time left from its deadline now (h:mm:ss, truncated), within the second it takes to tick.
        await board.WaitForFunctionAsync("""
            number => {
                const row = document.querySelector(`.board-row[data-number='${number}']`);
                const shown = row.querySelector('.board-countdown').textContent.trim();
                const left = Math.floor((Number(row.dataset.deadline) - Date.now()) / 1000);
                const fmt = t => `${Math.floor(t / 3600)}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
                return [left, left + 1].map(fmt).includes(shown);
            }
            """, number, new() { Timeout = 3000 });
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task Wall_RunsFullScreenWithoutNavigation()
    {
        var wall = await app.NewPageAsync();
        await BrowserSession.SignInAsync(wall, "leader", DemoData.Password);
        await wall.SetViewportSizeAsync(1920, 1080);

        await wall.GotoAsync("/board/wall");

        await Expect(wall.GetByTestId("board")).ToBeVisibleAsync();
        await Expect(wall.Locator("nav, .mud-drawer, .mud-appbar")).ToHaveCountAsync(0);
        await Expect(wall.GetByTestId("reconnect")).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(wall, "board-wall");
        await wall.Context.CloseAsync();
    }

    private sealed class GroupState
    {
        public string Text { get; set; } = "";

        public bool Kept { get; set; }
    }
}
