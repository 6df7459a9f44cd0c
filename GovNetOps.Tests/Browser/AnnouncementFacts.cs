using System.Text.RegularExpressions;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>New work reaches people live, across browser contexts: the carrier's bell when Ops reports a ticket, Ops's
/// approvals count when the carrier asks for complex status; and the ticket list keeps its filters in the URL.
/// On an app of its own (these tests report tickets).</summary>
public sealed class AnnouncementFacts(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CarrierBell_CountsUpLive_WhenOpsReportsATicketInAnotherContext()
    {
        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await Expect(telecom).ToHaveURLAsync(new Regex("/carrier$"));
        await BrowserSession.WaitInteractiveAsync(telecom);
        var bell = telecom.GetByTestId("bell");
        var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        await BrowserSession.PickSiteAsync(ops, "cgz", "城关镇人民政府");
        await ops.GetByTestId("symptoms").PressSequentiallyAsync("政府大院光纤中断");
        await ops.GetByTestId("reporter-name").PressSequentiallyAsync("王建军");
        await ops.GetByTestId("reporter-mobile").PressSequentiallyAsync("13937700123");
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets/GZ-\d{8}-\d{4}(\?new=1)?$"));
        var number = await ops.GetByTestId("ticket-number").InnerTextAsync();

        // No reload on the carrier's page: the bell counts up by itself.
        await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString());
        await bell.ClickAsync();
        var item = telecom.GetByTestId("notification").Filter(new() { HasText = number });
        await Expect(item).ToContainTextAsync($"【新工单】{number} 城关镇人民政府");
        await BrowserApp.ScreenshotAsync(telecom, "announce-carrier-notifications");
        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }

    [Fact]
    public async Task ApprovalsCount_CountsUpLive_WhenTheCarrierRequestsComplexStatus()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow());
        await driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/board");
        var badge = ops.GetByTestId("approvals-count");
        var before = int.Parse(await badge.GetAttributeAsync("data-count") ?? "0");

        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(telecom, $"/tickets/{number}");
        await telecom.Locator("[data-action=RequestComplex]").ClickAsync();
        await telecom.GetByTestId("action-reason").PressSequentiallyAsync("主干光缆被挖断，需重新熔接");
        await telecom.GetByTestId("action-confirm").ClickAsync();

        await Expect(badge).ToHaveAttributeAsync("data-count", (before + 1).ToString());
        await Expect(badge).ToBeVisibleAsync();
        await ops.Locator("[data-nav='/approvals']").ClickAsync();
        var row = ops.GetByTestId("approvals").Locator("tbody tr").Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("申请复杂故障");
        await Expect(row).ToContainTextAsync("主干光缆被挖断");
        await Expect(row).ToContainTextAsync("刘强");
        await BrowserApp.ScreenshotAsync(ops, "approvals-ops");
        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }

    [Fact]
    public async Task TicketList_KeepsFiltersInTheUrl_AndSortsTheOverdueTicketFirst()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        // Reported 70 minutes ago and not acknowledged: the response clock (1 h) is 10 minutes overdue.
        var (_, overdue) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(70));
        await driver.ReportAsync(site, TimeProvider.System.GetUtcNow());

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets");
        await ChooseAsync(ops, "filter-state", "未结（全部进行中）");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets\?state=open$"));
        await ChooseAsync(ops, "sort", "剩余时间（最紧在前）");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets\?state=open&sort=TimeLeft$"));

        await AssertOverdueFirstAsync(ops, overdue);
        await BrowserApp.ScreenshotAsync(ops, "ticket-list-time-left");

        // A reload (or a shared link) restores both.
        await ops.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(ops);
        await Expect(ops.GetByTestId("sort")).ToContainTextAsync("剩余时间（最紧在前）");
        await AssertOverdueFirstAsync(ops, overdue);

        // Back steps to the previous filters.
        await ops.GoBackAsync();
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets\?state=open$"));
        await Expect(ops.GetByTestId("sort")).ToContainTextAsync("申告时间（新→旧）");
        await ops.Context.CloseAsync();
    }

    private static async Task AssertOverdueFirstAsync(IPage page, string overdue)
    {
        var first = page.GetByTestId("ticket-table").Locator("tbody tr").First;
        await Expect(first.GetByTestId("ticket-link")).ToHaveTextAsync(overdue);
        var cell = first.GetByTestId("time-left");
        await Expect(cell).ToHaveAttributeAsync("data-colour", "Breached");
        await Expect(cell).ToHaveClassAsync(new Regex(@"\bbreached\b"));
        await Expect(cell).ToContainTextAsync(new Regex(@"^已超时 0:1\d:\d\d$"));
        await Expect(first).ToHaveClassAsync(new Regex(@"\brow-breached\b"));
        // The colour is the row's: the cell's text colour is the board's red.
        Assert.Equal("rgb(179, 38, 30)", await cell.EvaluateAsync<string>("e => getComputedStyle(e).color"));
    }

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }
}
