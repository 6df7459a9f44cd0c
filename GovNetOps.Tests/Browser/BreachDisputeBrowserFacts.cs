using System.Globalization;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>A breach disputed end to end in the browser: the carrier (移动) disputes its late acknowledgement with a photo
/// through the real file input, Ops finds it in the approvals inbox and waives it, the leader sees the line struck through
/// and both rates (as measured, after waivers); the photo downloads for the leader and not for another carrier.
/// On an app of its own (it reports tickets).</summary>
public sealed class BreachDisputeBrowserFacts(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Carrier_DisputesWithAPhoto_OpsWaives_LeaderSeesItStruckAndBothRates()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var now = TimeProvider.System.GetUtcNow();
        var site = await driver.SiteAsync(LocationClass.CountyDirect, 3);
        var (late, number) = await driver.ReportAsync(site, now - TimeSpan.FromMinutes(95));
        await driver.ApplyAsync(late, "mobile", TicketTrigger.Acknowledge);
        var (onTime, _) = await driver.ReportAsync(site, now - TimeSpan.FromMinutes(20));
        await driver.ApplyAsync(onTime, "mobile", TicketTrigger.Acknowledge);
        var month = ReportMonth.Containing(now - TimeSpan.FromMinutes(95));

        // The carrier: from its ledger line to a dispute with a photo.
        var carrier = await app.NewPageAsync();
        await carrier.SetViewportSizeAsync(1366, 768);
        await BrowserSession.SignInAsync(carrier, "mobile", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(carrier, $"/reports?month={month.Key}");
        var row = carrier.GetByTestId("table-breaches").Locator("tbody tr", new() { HasText = number });
        await Expect(row).ToContainTextAsync("未申诉");
        await row.GetByTestId("ledger-line").FocusAsync();
        await carrier.Keyboard.PressAsync("Enter");
        await Expect(carrier).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/reports/breaches/{number}/response$"));
        await BrowserSession.WaitInteractiveAsync(carrier);
        await Expect(carrier.GetByTestId("line-state")).ToHaveTextAsync("未申诉");

        await carrier.GetByTestId("dispute-submit").FocusAsync();
        await carrier.Keyboard.PressAsync("Enter");
        await Expect(carrier.GetByTestId("line-error")).ToHaveTextAsync("申诉理由不能为空：请说明该超时不应计入的原因。");

        await BrowserSession.SetFileAsync(carrier.GetByTestId("dispute-files"), new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] });
        await Expect(carrier.GetByTestId("line-error")).ToContainTextAsync("附件“setup.exe”的类型不允许");
        await BrowserSession.SetFileAsync(carrier.GetByTestId("dispute-files"), new FilePayload { Name = "停电通知.png", MimeType = "image/png", Buffer = Png });
        await Expect(carrier.GetByTestId("chosen-files")).ToContainTextAsync("停电通知.png");
        await TextArea(carrier, "dispute-reason").PressSequentiallyAsync("供电公司计划停电，已报备，见停电通知。");
        await BrowserApp.ScreenshotAsync(carrier, "16/dispute-carrier-form-1366");
        await carrier.GetByTestId("dispute-submit").FocusAsync();
        await carrier.Keyboard.PressAsync("Enter");
        await Expect(carrier.GetByTestId("line-state")).ToHaveTextAsync("申诉待处理");
        await Expect(carrier.GetByTestId("dispute-attachment")).ToHaveTextAsync("停电通知.png");
        await Expect(carrier.GetByTestId("raise")).ToHaveCountAsync(0);
        await carrier.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(carrier, "16/dispute-carrier-pending-390");
        await carrier.Context.CloseAsync();

        // Ops: the inbox lists it; waive with a reason.
        var ops = await app.NewPageAsync();
        await ops.SetViewportSizeAsync(1366, 768);
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/approvals");
        var item = ops.GetByTestId("approval-link").Filter(new() { HasText = number });
        await Expect(ops.GetByTestId("approvals")).ToContainTextAsync("超时申诉（响应）");
        await item.FocusAsync();
        await ops.Keyboard.PressAsync("Enter");
        await Expect(ops).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/reports/breaches/{number}/response$"));
        await BrowserSession.WaitInteractiveAsync(ops);
        await TextArea(ops, "decision-reason").PressSequentiallyAsync("核实停电通知属实，予以豁免。");
        await ops.GetByTestId("decide-waive").FocusAsync();
        await ops.Keyboard.PressAsync("Enter");
        await Expect(ops.GetByTestId("line-state")).ToHaveTextAsync("已豁免");
        await Expect(ops.GetByTestId("history")).ToContainTextAsync("核实停电通知属实，予以豁免。");
        await BrowserApp.ScreenshotAsync(ops, "16/dispute-ops-waived-1366");
        await ops.Context.CloseAsync();

        // The leader: struck through, both rates.
        var leader = await app.NewPageAsync();
        await leader.SetViewportSizeAsync(1366, 768);
        await BrowserSession.SignInAsync(leader, "leader", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(leader, $"/reports?month={month.Key}");
        var waived = leader.GetByTestId("table-breaches").Locator("tbody tr", new() { HasText = number });
        await Expect(waived).ToHaveClassAsync("report-waived");
        await Expect(waived).ToContainTextAsync("已豁免");
        Assert.Contains("line-through", await waived.Locator("td").First.EvaluateAsync<string>("c => getComputedStyle(c).textDecorationLine"), StringComparison.Ordinal);
        var summary = leader.GetByTestId("table-compliance");
        var headers = await summary.Locator("th").AllInnerTextsAsync();
        Assert.Equal(["响应及时率·实测(%)", "响应豁免数", "响应及时率·豁免后(%)"], headers.Skip(6).Take(3));
        var mobile = summary.Locator("tr.report-emphasis", new() { HasText = "移动" });
        var cells = await mobile.Locator("td").AllInnerTextsAsync();
        Assert.Equal("1", cells[7]);
        Assert.True(double.Parse(cells[8], CultureInfo.InvariantCulture) > double.Parse(cells[6], CultureInfo.InvariantCulture),
            $"after waivers {cells[8]} above as measured {cells[6]}");
        await Expect(leader.GetByTestId("def-waivers")).ToContainTextAsync("豁免后及时率 = 达标 ÷（已判定 − 豁免数）");
        await BrowserApp.ScreenshotAsync(leader, "16/dispute-leader-report-1366");

        var href = await waived.GetByTestId("ledger-line").GetAttributeAsync("href");
        await BrowserSession.GotoInteractiveAsync(leader, href!);
        var download = await leader.APIRequest.GetAsync(await leader.GetByTestId("dispute-attachment").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.Equal(Png, await download.BodyAsync());
        Assert.Equal("image/png", download.Headers["content-type"]);
        await leader.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(leader, "16/dispute-leader-line-390");
        var attachmentHref = await leader.GetByTestId("dispute-attachment").GetAttributeAsync("href");
        await leader.Context.CloseAsync();

        // Another carrier: neither the line nor the file.
        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        Assert.Equal(404, (await telecom.APIRequest.GetAsync(attachmentHref!)).Status);
        await BrowserSession.GotoInteractiveAsync(telecom, href!);
        await Expect(telecom.GetByTestId("line-missing")).ToBeVisibleAsync();
        await telecom.Context.CloseAsync();
    }

    // MudTextField puts the test id on the textarea itself.
    private static ILocator TextArea(IPage page, string testId) =>
        page.Locator($"textarea[data-testid='{testId}'], [data-testid='{testId}'] textarea");
}
