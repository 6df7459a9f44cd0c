using System.Text.RegularExpressions;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>One outage, many sites, in Chromium: Ops picks three township sites with the keyboard and reports them as
/// one incident; the carrier's queue shows them as one group and one click acknowledges all three.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IncidentBrowserFacts(BrowserApp app)
{
    [Fact]
    public async Task Ops_ReportsThreeSitesAsOneIncident_AndTheCarrierAcknowledgesThemInOneClick()
    {
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        await ops.GetByText("多个接入单位（同一事件）").ClickAsync();

        // Three China Telecom townships behind one aggregation link, each found by its pinyin initials and added with Enter.
        var site = ops.Locator("input.incident-site-input");
        await site.ClickAsync();
        var picked = 0;
        foreach (var (initials, name) in new[] { ("dhz", "大河镇人民政府"), ("cwz", "程湾镇人民政府"), ("zzz", "朱庄镇人民政府") })
        {
            await site.PressSequentiallyAsync(initials);
            await Expect(ops.Locator(".mud-popover-open").GetByText(name)).ToBeVisibleAsync();
            await site.PressAsync("Enter");
            await Expect(ops.GetByTestId("incident-sites")).ToContainTextAsync(name);
            await Expect(ops.GetByTestId("incident-count")).ToContainTextAsync($"已选 {++picked} 个接入单位");
            await Expect(site).ToHaveValueAsync("");
        }
        await Expect(ops.GetByText("请填写故障现象")).ToHaveCountAsync(0); // Enter picked the sites and submitted nothing
        await ops.GetByTestId("symptoms").PressSequentiallyAsync("县城至西部乡镇汇聚链路中断，三个乡镇政务外网不通");
        await ops.GetByTestId("reporter-name").PressSequentiallyAsync("王建军");
        await ops.GetByTestId("reporter-mobile").PressSequentiallyAsync("13937700123");
        await Expect(ops.GetByTestId("submit")).ToContainTextAsync("申告 3 张工单");
        await BrowserApp.ScreenshotAsync(ops, "incident-1-intake");
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(IncidentUrl());
        var incident = Uri.UnescapeDataString(new Uri(ops.Url).Query.Split('=')[1]);
        await Expect(ops.GetByTestId("incident-filter")).ToContainTextAsync(incident);
        await Expect(ops.GetByTestId("ticket-link")).ToHaveCountAsync(3);
        await BrowserApp.ScreenshotAsync(ops, "incident-2-list");

        await ops.GetByTestId("ticket-link").First.ClickAsync();
        await Expect(ops.GetByTestId("incident-link")).ToHaveTextAsync($"同一事件（{incident}）：共 3 张工单");
        await BrowserApp.ScreenshotAsync(ops, "incident-3-ticket");

        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await Expect(telecom).ToHaveURLAsync(new Regex("/carrier$"));
        await BrowserSession.WaitInteractiveAsync(telecom);
        var group = telecom.Locator($"[data-testid=incident-group][data-incident='{incident}']");
        await Expect(group).ToContainTextAsync($"同一事件 {incident}：3 张工单");
        await Expect(group.GetByTestId("acknowledge-incident")).ToHaveTextAsync("全部响应接单（3）");
        await BrowserApp.ScreenshotAsync(telecom, "incident-4-queue");
        await group.GetByTestId("acknowledge-incident").ClickAsync();

        await Expect(group.GetByTestId("acknowledge-incident")).ToHaveCountAsync(0);
        await Expect(telecom.GetByText("已响应接单 3 张工单")).ToBeVisibleAsync();
        await Expect(telecom.GetByTestId("queue-error")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(telecom, "incident-5-acknowledged");

        // English, on a phone: the group header and the picker fit.
        await telecom.SetViewportSizeAsync(390, 844);
        await BrowserSession.GotoInteractiveAsync(telecom, "/culture?name=en&redirect=/carrier");
        await Expect(telecom.Locator($"[data-testid=incident-group][data-incident='{incident}']")).ToContainTextAsync($"Incident {incident}: 3 tickets");
        await BrowserApp.ScreenshotAsync(telecom, "incident-6-queue-en-390");
        await ops.SetViewportSizeAsync(390, 844);
        await BrowserSession.GotoInteractiveAsync(ops, "/culture?name=en&redirect=/tickets/new");
        await ops.GetByText("Several sites (one incident)").ClickAsync();
        await Expect(ops.GetByTestId("incident-count")).ToContainTextAsync("0 sites picked");
        Assert.True(await ops.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways overflow");
        await BrowserApp.ScreenshotAsync(ops, "incident-7-intake-en-390");

        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }

    [GeneratedRegex(@"/tickets\?incident=SJ-\d{8}-\d{2}$")]
    private static partial Regex IncidentUrl();
}
