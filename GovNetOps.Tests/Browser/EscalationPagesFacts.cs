using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The bell, the notification list and the escalation log in Chromium, on an app of their
/// own (these tests report tickets; the shared browser app stays clean for the others).</summary>
public sealed class EscalationPagesFacts(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Bell_CountsUpLive_AndTheLogShowsTheEscalation_WithoutARefresh()
    {
        var page = await app.NewPageAsync();
        await BrowserSession.SignInAsync(page, "ops", DemoData.Password);
        await page.GotoAsync("/escalations");
        await Expect(page.Locator("h4").First).ToHaveTextAsync("升级记录");
        var bell = page.GetByTestId("bell");
        var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");

        // Reported 50 minutes after the call: the response reminder and warning are due at once;
        // the warning goes to the ops duty officer.
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (_, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(50));

        await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString());
        var rows = page.GetByTestId("escalation-log").Locator("tbody tr").Filter(new() { HasText = number });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "预警" })).ToContainTextAsync("补执行");
        await BrowserApp.ScreenshotAsync(page, "escalation-log-ops");

        await bell.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/notifications").ToString());
        var item = page.GetByTestId("notification").Filter(new() { HasText = number });
        await Expect(item).ToContainTextAsync($"【预警】{number} 响应时限");
        await BrowserApp.ScreenshotAsync(page, "notifications-ops");

        await item.GetByTestId("mark-read").ClickAsync();
        await Expect(item).ToHaveAttributeAsync("data-read", "true");
        await Expect(bell).ToHaveAttributeAsync("data-unread", before.ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_OpensTheJobDashboardFromTheMenu()
    {
        var page = await app.NewPageAsync();
        await BrowserSession.SignInAsync(page, "admin", DemoData.Password);

        await page.Locator("[data-nav='/hangfire']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/hangfire$"));
        await Expect(page.Locator(".navbar-brand")).ToContainTextAsync("GovNetOps 后台任务");
        await BrowserApp.ScreenshotAsync(page, "hangfire-dashboard-admin");
        await page.Context.CloseAsync();
    }
}
