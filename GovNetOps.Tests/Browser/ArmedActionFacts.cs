using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The tester's race in Chromium: Ops opens 撤销工单 and types a reason; meanwhile the carrier marks the ticket
/// repaired. Ops's page refreshes live, the open prompt keeps the version Ops decided on and shows what changed;
/// confirming applies nothing until Ops confirms again against the repaired ticket.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArmedActionFacts(BrowserApp app)
{
    [Fact]
    public async Task Cancel_ArmedBeforeTheCarriersRepair_AppliesNothing_UntilConfirmedAgain()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.CountyDirect, carrierId: 1);
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(20));
        await driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, $"/tickets/{number}");
        await ops.Locator("[data-action=Cancel]").ClickAsync();
        await Expect(ops.GetByTestId("action-consequence")).ToHaveTextAsync("撤销后工单不再计时，且不可恢复");
        await Expect(ops.GetByTestId("action-confirm")).ToHaveTextAsync("撤销工单");
        await ops.GetByTestId("action-reason").PressSequentiallyAsync("重复申告");

        await driver.ApplyAsync(id, "telecom", TicketTrigger.MarkRepaired, "更换光模块，链路恢复");

        await Expect(ops.GetByTestId("action-changes")).ToContainTextAsync("标记修复完成");
        await Expect(ops.Locator("[data-state=Repaired]").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "armed-1-changed-while-open");
        await ops.GetByTestId("action-confirm").ClickAsync();
        await Expect(ops.GetByTestId("action-changes")).ToContainTextAsync("未执行任何操作");
        await Expect(ops.GetByTestId("timeline").Locator("[data-trigger=Cancel]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(ops, "armed-2-nothing-applied");

        await ops.GetByTestId("action-confirm").ClickAsync();
        await Expect(ops.Locator("[data-state=Cancelled]").First).ToBeVisibleAsync();
        await Expect(ops.GetByTestId("timeline").Locator("[data-trigger]")).ToHaveCountAsync(4);
        await ops.Context.CloseAsync();
    }

    [Fact]
    public async Task LanTicket_ShowsTheArticle11Notice_AndTheCarrierNoAction()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        var siteBox = ops.Locator("input[data-testid=site]");
        await siteBox.PressSequentiallyAsync("hyz");
        await Expect(ops.GetByText("淮源镇人民政府").First).ToBeVisibleAsync();
        await siteBox.PressAsync("Tab");
        await ops.Locator("[data-testid=scope] input[type=radio]").Nth(1).CheckAsync();
        await ops.Locator("textarea[data-testid=symptoms]").PressSequentiallyAsync("办公室交换机故障");
        await ops.Locator("input[data-testid=reporter-name]").PressSequentiallyAsync("李华");
        await ops.Locator("input[data-testid=reporter-mobile]").PressSequentiallyAsync("13837700999");
        await ops.Locator("input[data-testid=reporter-mobile]").PressAsync("Enter");
        await Expect(ops.GetByTestId("lan-notice")).ToBeVisibleAsync();
        var number = await ops.GetByTestId("ticket-number").InnerTextAsync();

        var telecom = await app.NewPageAsync();
        await telecom.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(telecom, $"/tickets/{number}");

        await Expect(telecom.GetByTestId("lan-notice")).ToHaveTextAsync("单位局域网故障（第十一条）：由用户单位自行处理，运维值班员协助，不计运营商时限");
        await Expect(telecom.Locator("[data-action]")).ToHaveCountAsync(0);
        Assert.True(await telecom.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "sideways overflow at 390 px");
        await BrowserApp.ScreenshotAsync(telecom, "lan-ticket-carrier-390");
        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }
}
