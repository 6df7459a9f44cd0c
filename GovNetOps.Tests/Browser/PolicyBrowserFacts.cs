using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>时限规则 in Chromium: the system administrator types a new version's escalation ladder with the keyboard, a
/// bad ladder is refused with the field named, and the page then shows the new ladder in force next to version 1's —
/// in Chinese and English, on a laptop and on a phone, without sideways overflow. Its own app: a version is added.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PolicyBrowserFacts(BrowserApp browser)
{
    /// <summary>2026-12-01 09:00 China time.</summary>
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Admin_TypesANewLadderByKeyboard_AndThePageShowsItForTheNewVersionOnly()
    {
        await using var app = new GovNetOpsFactory(realServer: true) { Time = new FakeTimeProvider(FirstOfDecember) };
        var page = await NewPageAsync(app, "zh", 1366, 768);
        await BrowserSession.SignInAsync(page, "admin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/policy");
        // Prefilled from version 1 (the configured ladder).
        await Expect(page.Locator("#ladder-reminder")).ToHaveValueAsync("50");
        await Expect(page.Locator("#ladder-warning")).ToHaveValueAsync("80");
        await Expect(page.Locator("#ladder-breach")).ToHaveValueAsync("100");
        await Expect(page.Locator("#ladder-renotify-hours")).ToHaveValueAsync("2");

        await TypeAsync(page, "#ladder-reminder", "40");
        await TypeAsync(page, "#ladder-warning", "30");
        await PressSaveAsync(page);
        await Expect(page.GetByTestId("policy-error")).ToHaveTextAsync("预警比例：须高于提醒比例（现为 30 %，提醒比例为 40 %）。");
        await Expect(page.GetByTestId("in-force")).ToContainTextAsync("现行规则：第 1 版"); // nothing half-saved

        await TypeAsync(page, "#ladder-warning", "70");
        await TypeAsync(page, "#ladder-renotify-hours", "1");
        await TypeAsync(page, "#ladder-renotify-minutes", "30");
        await PressSaveAsync(page);

        await Expect(page.GetByTestId("in-force")).ToContainTextAsync("现行规则：第 2 版");
        await Expect(page.GetByTestId("ladder-title")).ToHaveTextAsync("升级通知阶梯（现行第 2 版）");
        var ladder = page.GetByTestId("ladder");
        await Expect(ladder.Locator("tr[data-level=Reminder]")).ToContainTextAsync("40%");
        await Expect(ladder.Locator("tr[data-level=Warning]")).ToContainTextAsync("70%");
        await Expect(ladder.Locator("tr[data-level=Breach]")).ToContainTextAsync("100%");
        await Expect(page.GetByTestId("renotify")).ToContainTextAsync("超时后每 1 小时 30 分钟再通知一次");
        await Expect(page.Locator("[data-version='1'] [data-testid=version-ladder]"))
            .ToHaveTextAsync("提醒 50% · 预警 80% · 超时 100% · 超时后每 2 小时重复通知");
        await Expect(page.Locator("[data-version='2'] [data-testid=version-ladder]"))
            .ToHaveTextAsync("提醒 40% · 预警 70% · 超时 100% · 超时后每 1 小时 30 分钟重复通知");
        foreach (var part in new[] { "ladder", "versions", "ladder-form", "renotify" })
        {
            var text = await page.GetByTestId(part).InnerTextAsync();
            Assert.False(Latin().IsMatch(text), $"English in the Chinese {part}: {text}");
        }

        await AssertFitsAsync(page, "zh 1366×768");
        await BrowserApp.ScreenshotAsync(page, "13/policy-ladder-zh-1366x768");
        await page.Context.CloseAsync();

        foreach (var (lang, width, height) in new[] { ("zh", 390, 844), ("en", 1366, 768) })
        {
            var other = await NewPageAsync(app, lang, width, height);
            await BrowserSession.SignInAsync(other, "admin", DemoData.Password);
            await BrowserSession.GotoInteractiveAsync(other, "/policy");
            await Expect(other.Locator("[data-version='2'] [data-testid=version-ladder]"))
                .ToContainTextAsync(lang == "zh" ? "提醒 40%" : "Reminder at 40%");
            await AssertFitsAsync(other, $"{lang} {width}×{height}");
            await BrowserApp.ScreenshotAsync(other, $"13/policy-ladder-{lang}-{width}x{height}");
            await other.Context.CloseAsync();
        }
    }

    private async Task<IPage> NewPageAsync(GovNetOpsFactory app, string lang, int width, int height)
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

        return page;
    }

    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await field.FocusAsync();
        await field.PressAsync("Control+A");
        await field.PressSequentiallyAsync(text);
        await field.PressAsync("Tab"); // the field takes its value when the focus leaves it
        await Expect(field).ToHaveValueAsync(text);
    }

    private static async Task PressSaveAsync(IPage page)
    {
        await page.GetByTestId("save-version").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task AssertFitsAsync(IPage page, string where)
    {
        var faults = await page.EvaluateAsync<string[]>(LayoutFacts.FindOverflow);
        Assert.True(faults.Length == 0, $"{where}: " + string.Join("\n", faults));
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();
}
