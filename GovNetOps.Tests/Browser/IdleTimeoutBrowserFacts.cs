using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The idle sign-out in a real browser with a short configured time-out (20 s, warning 10 s): the warning
/// appears, 继续使用 keeps the session, doing nothing signs out to the login page. Its own app (the settings).</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdleTimeoutBrowserFacts(BrowserApp browser)
{
    [Fact]
    public async Task Warning_Appears_ContinueKeepsTheSession_AndIdlenessSignsOut()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        app.Settings["Security:Sessions:IdleTimeout"] = "00:00:20";
        app.Settings["Security:Sessions:IdleWarning"] = "00:00:10";
        var page = await browser.NewPageAsync(app.ServerAddress);
        await BrowserSession.SignInAsync(page, "ops", DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/tickets$"));
        await Expect(page.GetByTestId("idle-warning")).ToHaveAttributeAsync("data-live", "1");
        var signedIn = DateTimeOffset.UtcNow;

        await Expect(page.GetByTestId("idle-warning")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("idle-message")).ToHaveTextAsync(new Regex(@"^您已闲置 \d+ 秒，将在 \d+ 秒后退出。$"));
        await BrowserApp.ScreenshotAsync(page, "14/idle-warning-zh");
        await page.GetByTestId("idle-continue").ClickAsync();
        await Expect(page.GetByTestId("idle-warning")).ToBeHiddenAsync();

        // Past the first deadline, still signed in: the page reloads as itself, not the login page.
        var pastFirstDeadline = signedIn + TimeSpan.FromSeconds(22) - DateTimeOffset.UtcNow;
        if (pastFirstDeadline > TimeSpan.Zero)
        {
            await Task.Delay(pastFirstDeadline);
        }
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/tickets$"));
        await BrowserSession.WaitInteractiveAsync(page);

        // Now nothing: the warning comes again and the page signs out to the login page, which says why.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 40_000 });
        await Expect(page.GetByTestId("idle-signed-out")).ToContainTextAsync("因闲置时间过长");
        await BrowserApp.ScreenshotAsync(page, "14/idle-signed-out-zh");
        await page.GotoAsync("/tickets");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Context.CloseAsync();
    }

    /// <summary>The wall runs unattended under its own display-only account: nobody touches it, and it stays signed in
    /// well past the idle time-out (the wall page reports itself as the display's activity; README, "Passwords and
    /// sessions"); the account opens nothing else.</summary>
    [Fact]
    public async Task Wall_StaysSignedIn_PastTheIdleTimeout_WithNobodyTouchingIt()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        app.Settings["Security:Sessions:IdleTimeout"] = "00:00:20";
        app.Settings["Security:Sessions:IdleWarning"] = "00:00:10";
        var page = await browser.NewPageAsync(app.ServerAddress);
        // The wall's own account (大屏显示): it lands on the wall, and opens nothing but the board and the wall.
        await BrowserSession.SignInAsync(page, "wall", DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/board/wall$"));
        await Expect(page.Locator("[data-wall-clock]")).ToBeVisibleAsync();
        var other = await browser.NewPageAsync(app.ServerAddress);
        await BrowserSession.SignInAsync(other, "wall", DemoData.Password);
        foreach (var path in new[] { "/tickets", "/reports", "/admin/sites", "/maintenance" })
        {
            await other.GotoAsync(path);
            await Expect(other).ToHaveURLAsync(new Regex("/account/access-denied"));
        }
        await other.Context.CloseAsync();

        await Task.Delay(TimeSpan.FromSeconds(45)); // more than twice the time-out, no keyboard, mouse or touch

        await Expect(page).ToHaveURLAsync(new Regex("/board/wall$"));
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/board/wall$"));
        await Expect(page.Locator("[data-wall-clock]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
