using GovNetOps.Domain.Common;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>On 1 December the admin home asks for 2027's holiday notice; the admin types it in by keyboard and the
/// reminder goes away. Its own app: the fake clock stands on 1 December and the calendar is changed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarBrowserFacts(BrowserApp browser)
{
    /// <summary>2026-12-01 09:00 China time.</summary>
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Admin_Enters2027ByKeyboard_AndTheHomeReminderDisappears()
    {
        await using var app = new GovNetOpsFactory(realServer: true) { Time = new FakeTimeProvider(FirstOfDecember) };
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "admin", DemoData.Password);
        await page.GotoAsync("/admin");
        await Expect(page.Locator("[data-testid=calendar-warning][data-year='2027']")).ToContainTextAsync("2027 年的放假通知尚未录入");

        await Expect(page.GetByTestId("calendar-warning-link")).ToHaveAttributeAsync("href", "/calendar?year=2027");
        try
        {
            await BrowserSession.GotoInteractiveAsync(page, "/calendar?year=2027");
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(app.Logs.Tail(30, Microsoft.Extensions.Logging.LogLevel.Warning));
        }
        await Expect(page.GetByTestId("year-missing")).ToContainTextAsync("2027 年的放假通知尚未录入");
        await Expect(page.Locator("[data-date='2027-01-01']")).ToHaveAttributeAsync("data-mark", "holiday"); // 元旦 before the notice
        await Expect(page.Locator("[data-date='2027-03-01']")).ToHaveAttributeAsync("data-mark", "unknown");
        await BrowserApp.ScreenshotAsync(page, "13/calendar-2027-missing");

        await page.GetByTestId("edit-year").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#calendar-notice").FocusAsync();
        await page.Locator("#calendar-notice").PressSequentiallyAsync("国办发明电〔2026〕假想号");
        await page.Keyboard.PressAsync("Tab");
        var days = page.Locator("#calendar-days");
        await Expect(days).ToBeFocusedAsync();
        foreach (var line in new[] { "2027-01-01 休 元旦", "2027-02-06~2027-02-13 休 春节", "2027-02-14 班 春节" })
        {
            await days.PressSequentiallyAsync(line);
            await page.Keyboard.PressAsync("Enter");
        }

        await page.GetByTestId("save-year").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("year-missing")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-date='2027-02-08']")).ToHaveAttributeAsync("data-mark", "holiday");
        await Expect(page.Locator("[data-date='2027-02-14']")).ToHaveAttributeAsync("data-mark", "makeup");
        await Expect(page.Locator("[data-date='2027-03-01']")).ToHaveAttributeAsync("data-mark", "working");
        await BrowserApp.ScreenshotAsync(page, "13/calendar-2027-entered");

        await page.GotoAsync("/admin");
        await Expect(page.GetByTestId("admin-tiles")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("calendar-warning")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    [Fact]
    public async Task PolicyPage_ShowsMatrixLadderAndInterpretations_InChineseEnglishAndOnAPhone()
    {
        await using var app = new GovNetOpsFactory(realServer: true) { Time = new FakeTimeProvider(FirstOfDecember) };
        foreach (var (lang, width, height) in new[] { ("zh", 1366, 820), ("en", 1366, 820), ("zh", 390, 844) })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.ServerAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
                ViewportSize = new ViewportSize { Width = width, Height = height },
            });
            var page = await context.NewPageAsync();
            if (lang == "en")
            {
                await page.GotoAsync("/culture?name=en&redirect=/account/login");
            }

            await BrowserSession.SignInAsync(page, "telecom", DemoData.Password); // a carrier reads the rules too
            await page.GotoAsync("/policy");
            var interpretations = page.GetByTestId("interpretations").Locator("li");
            await Expect(interpretations).ToHaveCountAsync(13);
            if (lang == "zh")
            {
                await Expect(page.GetByTestId("in-force")).ToContainTextAsync("现行规则：第 1 版");
                await Expect(interpretations.Nth(1)).ToContainTextAsync("确认响应：截止时间当刻仍算按时");
                await Expect(page.GetByTestId("renotify")).ToContainTextAsync("超时后每 2 小时再通知一次");
            }
            else
            {
                await Expect(page.GetByTestId("in-force")).ToContainTextAsync("In force: version 1");
            }

            await BrowserApp.ScreenshotAsync(page, $"13/policy-{lang}-{width}x{height}");
            await page.GotoAsync("/calendar?year=2026");
            await Expect(page.Locator("[data-date='2026-10-10']")).ToHaveAttributeAsync("data-mark", "makeup");
            await BrowserApp.ScreenshotAsync(page, $"13/calendar-2026-{lang}-{width}x{height}");
            await context.CloseAsync();
        }
    }
}
