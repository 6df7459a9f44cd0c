using System.Text.RegularExpressions;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The operating heart end to end in Chromium: Ops logs a township backbone fault on
/// the phone → the carrier acknowledges → the carrier marks it repaired → Ops confirms closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FaultPathFacts(BrowserApp app)
{
    [Fact]
    public async Task TownshipFault_GoesFromIntakeToClosed_AcrossOpsAndCarrier()
    {
        // 1. Ops takes the call: keyboard-first intake, site found by pinyin initials.
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        await BrowserSession.PickSiteAsync(ops, "cgz", "城关镇人民政府");
        await ops.GetByTestId("symptoms").FillAsync("政府大院光纤中断，政务外网全部不通");
        await ops.GetByTestId("reporter-name").FillAsync("王建军");
        await ops.GetByTestId("reporter-mobile").FillAsync("13937700123");
        await BrowserApp.ScreenshotAsync(ops, "path-1-intake");
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(TicketUrl());
        var number = await ops.GetByTestId("ticket-number").InnerTextAsync();
        await BrowserSession.WaitInteractiveAsync(ops);
        Assert.Matches(@"^GZ-\d{8}-\d{4}$", number);
        await Expect(ops.GetByTestId("clock-Response")).ToContainTextAsync("剩余");
        await Expect(ops.Locator("[data-clock=Repair]")).ToContainTextAsync("截止");
        await BrowserApp.ScreenshotAsync(ops, "path-2-reported");

        // 2. The carrier (城关镇 is China Telecom's) acknowledges from its queue in one click.
        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await Expect(telecom).ToHaveURLAsync(new Regex("/carrier$"));
        await BrowserSession.WaitInteractiveAsync(telecom);
        await telecom.Locator($"[data-testid=acknowledge][data-number='{number}']").ClickAsync();
        await Expect(telecom.Locator($"[data-testid=acknowledge][data-number='{number}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(telecom, "path-3-acknowledged");

        // 3. The carrier marks it repaired with a repair note.
        await BrowserSession.GotoInteractiveAsync(telecom, $"/tickets/{number}");
        await telecom.Locator("[data-action=MarkRepaired]").ClickAsync();
        await telecom.GetByTestId("action-reason").FillAsync("更换城关镇汇聚点损坏光模块，链路恢复");
        await telecom.GetByTestId("action-confirm").ClickAsync();
        await Expect(telecom.Locator("[data-state=Repaired]").First).ToBeVisibleAsync();
        await Expect(telecom.GetByTestId("clock-Repair")).ToContainTextAsync("按时");
        await BrowserApp.ScreenshotAsync(telecom, "path-4-repaired");

        // 4. Ops calls the unit back and confirms closed; the ops page updated live meanwhile.
        await Expect(ops.Locator("[data-action=ConfirmClosed]")).ToBeVisibleAsync();
        await ops.Locator("[data-action=ConfirmClosed]").ClickAsync();
        await ops.GetByTestId("action-reason").FillAsync("已回访城关镇王建军，网络使用正常");
        await ops.GetByTestId("action-confirm").ClickAsync();
        await Expect(ops.Locator("[data-state=Closed]").First).ToBeVisibleAsync();
        await Expect(ops.GetByTestId("timeline").Locator("[data-trigger]")).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(ops, "path-5-closed");

        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }

    [Fact]
    public async Task Carrier_OpeningAnotherCarriersTicketUrl_IsRefused()
    {
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        await BrowserSession.PickSiteAsync(ops, "hyz", "淮源镇人民政府"); // China Telecom
        await ops.GetByTestId("symptoms").FillAsync("无法访问政务服务网");
        await ops.GetByTestId("reporter-name").FillAsync("李华");
        await ops.GetByTestId("reporter-mobile").FillAsync("13837700999");
        await ops.GetByTestId("submit").ClickAsync();
        await Expect(ops).ToHaveURLAsync(TicketUrl());
        var number = await ops.GetByTestId("ticket-number").InnerTextAsync();

        var unicom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(unicom, "unicom", DemoData.Password);
        await unicom.GotoAsync($"/tickets/{number}");

        await Expect(unicom.GetByTestId("ticket-not-found")).ToBeVisibleAsync();
        await Expect(unicom.GetByText("无法访问政务服务网")).ToHaveCountAsync(0);
        await Expect(unicom.Locator("[data-action]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(unicom, "path-refused-other-carrier");
        await ops.Context.CloseAsync();
        await unicom.Context.CloseAsync();
    }

    [GeneratedRegex(@"/tickets/GZ-\d{8}-\d{4}")]
    private static partial Regex TicketUrl();
}
