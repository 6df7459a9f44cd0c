using System.Text.RegularExpressions;
using GovNetOps.Tests.Integration.Registry;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Issue 13's "done when", as a new county does it on 1 December 2026: the admin downloads the template, fills it
/// with 30 units and imports it, enters 2027's holiday notice by keyboard, and Ops reports a fault at an imported unit found
/// by typing its pinyin initials. Its own app: the calendar is changed and the clock stands on 1 December.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstDayBrowserFacts(BrowserApp browser)
{
    /// <summary>2026-12-01 09:00 China time.</summary>
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Admin_ImportsTheUnitsFromTheTemplate_Adds2027_ThenOpsReportsAFaultAtAnImportedUnit()
    {
        await using var app = new GovNetOpsFactory(realServer: true) { Time = new FakeTimeProvider(FirstOfDecember) };
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 }, AcceptDownloads = true,
        });
        var admin = await context.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin", DemoData.Password);

        // 1. The template, downloaded from the import page: Chinese headers and one example row.
        await BrowserSession.GotoInteractiveAsync(admin, "/admin/sites/import");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("template-link").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        List<IDictionary<string, object?>> sheet;
        using (var stream = new MemoryStream(template))
        {
            sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }

        var example = Assert.Single(sheet);
        Assert.Equal(SiteSheets.Headers, example.Keys);

        // Filled as an admin would: the example row copied once per unit and overwritten with each unit's own data.
        var units = Enumerable.Range(1, 30).Select(n =>
        {
            var row = new Dictionary<string, object?>(example);
            foreach (var (header, value) in SiteSheets.Row(n))
            {
                row[header] = value;
            }

            return row;
        }).ToList();
        await BrowserSession.SetFileAsync(admin.GetByTestId("import-upload"), new FilePayload
        {
            Name = "桐柏县接入单位.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = SiteSheets.Write(units),
        });
        await Expect(admin.GetByTestId("import-summary")).ToContainTextAsync("共 30 行：30 行无误");
        await admin.GetByTestId("import-all").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(admin.GetByTestId("import-done")).ToContainTextAsync("新增 30 个");
        await BrowserApp.ScreenshotAsync(admin, "13/firstday-1-imported");

        // 2. 2027's notice, typed in on the calendar page the admin home points to.
        await admin.GotoAsync("/admin");
        await Expect(admin.Locator("[data-testid=calendar-warning][data-year='2027']")).ToBeVisibleAsync();
        await BrowserSession.GotoInteractiveAsync(admin, "/calendar?year=2027");
        await admin.GetByTestId("edit-year").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.Locator("#calendar-notice").FocusAsync();
        await admin.Locator("#calendar-notice").PressSequentiallyAsync("国办发明电〔2026〕假想号");
        await admin.Keyboard.PressAsync("Tab");
        foreach (var line in new[] { "2027-01-01~2027-01-03 休 元旦", "2027-02-06~2027-02-13 休 春节", "2027-02-14 班 春节" })
        {
            await admin.Locator("#calendar-days").PressSequentiallyAsync(line);
            await admin.Keyboard.PressAsync("Enter");
        }

        await admin.GetByTestId("save-year").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(admin.GetByTestId("year-missing")).ToHaveCountAsync(0);
        await Expect(admin.Locator("[data-date='2027-02-14']")).ToHaveAttributeAsync("data-mark", "makeup");
        await BrowserApp.ScreenshotAsync(admin, "13/firstday-2-calendar-2027");
        await admin.GotoAsync("/admin");
        await Expect(admin.GetByTestId("admin-tiles")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("calendar-warning")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(admin, "13/firstday-3-admin-home");
        await context.CloseAsync();

        // 3. Ops takes a call from an imported unit and finds it by its initials.
        context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        var ops = await context.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        var site = ops.Locator("input[data-testid=site]");
        await site.ClickAsync();
        await site.PressSequentiallyAsync("tbxd23");
        await Expect(ops.GetByText("桐柏县第23测试局").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "13/firstday-4-intake-pinyin");
        await ops.GetByText("桐柏县第23测试局").First.ClickAsync();
        await Expect(site).ToHaveValueAsync("桐柏县第23测试局");
        await ops.GetByTestId("symptoms").PressSequentiallyAsync("办公楼政务外网中断");
        await ops.GetByTestId("reporter-name").PressSequentiallyAsync("王伟");
        await ops.GetByTestId("reporter-mobile").PressSequentiallyAsync("13937710023");
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets/GZ-\d{8}-\d{4}(\?new=1)?$"));
        await Expect(ops.GetByText("桐柏县第23测试局").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "13/firstday-5-ticket");
        await context.CloseAsync();
    }
}
