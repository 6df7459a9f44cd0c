using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>统计报表 in the browser: a leader opens it (last month by default), switches to this month, exports the
/// .xlsx (read back, equal to the screen's summary cell by cell) and prints the 通报 to PDF; a carrier sees only its
/// own rows. On an app of its own (these tests report tickets).</summary>
public sealed class ReportsPageFacts(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Leader_OpensSwitchesMonthAndExports_TheWorkbookEqualsTheScreen()
    {
        await SeedAsync();
        var now = TimeProvider.System.GetUtcNow();
        var current = ReportMonth.Containing(now);
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserSession.SignInAsync(page, "leader", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/reports");
        await Expect(page.GetByTestId("month")).ToContainTextAsync(current.Previous.Key);
        await Expect(page.GetByTestId("definitions")).ToContainTextAsync("截止时间本身算按时");

        await page.GetByTestId("month-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"month={current.Key}$"));
        await Expect(page.GetByTestId("month")).ToContainTextAsync("本月至今");
        var summary = page.GetByTestId("table-compliance");
        await Expect(summary.Locator("tbody tr").Last).ToContainTextAsync("合计");
        var screen = await CellsAsync(summary);
        Assert.Equal(3 * 4 + 1, screen.Count - 1);
        Assert.True(int.Parse(screen[^1][2], System.Globalization.CultureInfo.InvariantCulture) >= 2, "this month's backbone faults");
        await BrowserApp.ScreenshotAsync(page, "16/report-leader-1366");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.Equal($"monthly-report-{current.Key}.xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        var sheet = copy.Query(useHeaderRow: false, sheetName: "时限达标汇总").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v is null or "" ? "—" : ReportTables.Display(v is double d && d == Math.Floor(d) ? (object)(long)d : v)).ToList())
            .ToList();
        Assert.Equal(screen.Count, sheet.Count);
        for (var r = 1; r < screen.Count; r++)
        {
            Assert.Equal(screen[r].Select(c => c is "" ? "—" : c), sheet[r]);
        }

        var print = await page.Context.NewPageAsync();
        await print.GotoAsync($"/reports/{current.Key}/print");
        await Expect(print.GetByTestId("print")).ToContainTextAsync($"{current.Year}年{current.Month}月");
        await Expect(print.GetByTestId("print")).ToContainTextAsync("签发人");
        var pdf = Path.Combine(TestPaths.Artifacts("screenshots"), "16", "report-print.pdf");
        await print.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(new FileInfo(pdf).Length > 10_000);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Carrier_SeesOnlyItsOwnRows()
    {
        await SeedAsync();
        var current = ReportMonth.Containing(TimeProvider.System.GetUtcNow());
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserSession.SignInAsync(page, "unicom", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, $"/reports?month={current.Key}");
        await Expect(page.GetByTestId("carrier-scope")).ToBeVisibleAsync();
        var rows = await CellsAsync(page.GetByTestId("table-compliance"));
        Assert.Equal(3 + 1 + 1, rows.Count - 1);
        Assert.All(rows.Skip(1).SkipLast(1), r => Assert.Equal("联通", r[0]));
        foreach (var other in new[] { "电信", "移动" })
        {
            await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync(other);
        }
        await BrowserApp.ScreenshotAsync(page, "16/report-carrier-1366");

        var response = await page.APIRequest.GetAsync($"/reports/{current.Key}/export.xlsx");
        Assert.Equal(200, response.Status);
        using var book = new MemoryStream(await response.BodyAsync());
        var carriers = book.Query(useHeaderRow: true, sheetName: "时限达标汇总").Cast<IDictionary<string, object?>>().Select(r => r["运营商"]).Distinct();
        Assert.Equal(["联通", "合计"], carriers);
        await page.Context.CloseAsync();
    }

    private static async Task<List<List<string>>> CellsAsync(ILocator table) =>
        (await table.Locator("tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))"))
        .Select(r => r.ToList()).ToList();

    /// <summary>Tickets this month for two carriers: one met, one acknowledged late.</summary>
    private async Task SeedAsync()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var now = TimeProvider.System.GetUtcNow();
        var (met, _) = await driver.ReportAsync(await driver.SiteAsync(LocationClass.CountyDirect, 1), now - TimeSpan.FromMinutes(10));
        await driver.ApplyAsync(met, "telecom", TicketTrigger.Acknowledge);
        var (late, _) = await driver.ReportAsync(await driver.SiteAsync(LocationClass.CountyDirect, 2), now - TimeSpan.FromMinutes(90));
        await driver.ApplyAsync(late, "unicom", TicketTrigger.Acknowledge);
    }
}
