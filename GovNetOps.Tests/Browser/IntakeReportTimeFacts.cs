using System.Text.RegularExpressions;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The intake's report time typed with the keyboard in Chromium, in Chinese and in English: back-dated with a
/// reason, the future refused, a malformed time named as such, and a form left open that still submits as "now".
/// Each test runs its own app on a fake clock (2026-03-02 09:00 China time) so it can move time.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IntakeReportTimeFacts(BrowserApp browser)
{
    // A person's pace, not a machine's: a burst of keys can outrun the live form's round trips.
    private static readonly LocatorPressSequentiallyOptions Typing = new() { Delay = 60 };

    [Fact]
    public async Task ReportTime_TypedInChinese_RefusesTheFuture_ThenBackdatesOneHourWithAReason()
    {
        await using var app = NewApp(new FakeTimeProvider(TicketApp.Start));
        var ops = await OpenIntakeAsync(app, english: false);
        await FillCallerAsync(ops);
        var time = ops.Locator("input[data-testid=reported-at]");

        await TypeTimeAsync(time, "2026-03-02 09:30");
        await time.PressAsync("Enter");
        await Expect(ops.GetByText("申告时间不能晚于当前时间")).ToBeVisibleAsync();
        await Expect(ops).ToHaveURLAsync(new Regex("/tickets/new$"));
        await BrowserApp.ScreenshotAsync(ops, "intake-time-zh-future");

        await TypeTimeAsync(time, "2026-03-02 08:00");
        var reason = ops.Locator("input[data-testid=backdate-reason]");
        await Expect(reason).ToBeVisibleAsync();
        await reason.PressSequentiallyAsync("电话于 8:00 打入，系统补录", Typing);
        await BrowserApp.ScreenshotAsync(ops, "intake-time-zh-backdated");
        await reason.PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(TicketUrl());
        await Expect(ops.GetByText("2026-03-02 08:00").First).ToBeVisibleAsync();
        await Expect(ops.GetByText("（补录：电话于 8:00 打入，系统补录）")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "intake-time-zh-ticket");
        await ops.Context.CloseAsync();
    }

    [Fact]
    public async Task ReportTime_TypedInEnglish_NamesAMalformedTime_AndTakesSecondsAndAT()
    {
        await using var app = NewApp(new FakeTimeProvider(TicketApp.Start));
        var ops = await OpenIntakeAsync(app, english: true);
        await FillCallerAsync(ops);
        var time = ops.Locator("input[data-testid=reported-at]");

        await TypeTimeAsync(time, "2026-03-02 8");
        await time.PressAsync("Enter");
        await Expect(ops.GetByText("The report time is not valid: enter it as yyyy-MM-dd HH:mm, e.g. 2026-12-02 17:33")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "intake-time-en-malformed");

        // What a datetime-local control would send: a "T" and seconds.
        await TypeTimeAsync(time, "2026-03-02T08:00:00");
        var reason = ops.Locator("input[data-testid=backdate-reason]");
        await Expect(reason).ToBeVisibleAsync();
        await reason.PressSequentiallyAsync("Called at 8:00, logged later", Typing);
        await reason.PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(TicketUrl());
        await Expect(ops.GetByText("2026-03-02 08:00").First).ToBeVisibleAsync();
        await Expect(ops.GetByText("(back-dated: Called at 8:00, logged later)")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ops, "intake-time-en-ticket");
        await ops.Context.CloseAsync();
    }

    [Fact]
    public async Task ReportTime_Untouched_FollowsTheClock_SoAFormLeftOpenSixMinutesSubmitsWithoutAReason()
    {
        var clock = new FakeTimeProvider(TicketApp.Start);
        await using var app = NewApp(clock);
        var ops = await OpenIntakeAsync(app, english: false);
        await FillCallerAsync(ops);
        await Expect(ops.Locator("input[data-testid=reported-at]")).ToHaveValueAsync("2026-03-02 09:00");

        clock.Advance(TimeSpan.FromMinutes(6));
        await Expect(ops.Locator("input[data-testid=reported-at]")).ToHaveValueAsync("2026-03-02 09:06");
        await Expect(ops.Locator("input[data-testid=backdate-reason]")).ToHaveCountAsync(0);
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(TicketUrl());
        await Expect(ops.GetByText("2026-03-02 09:06").First).ToBeVisibleAsync();
        await Expect(ops.GetByText("补录")).ToHaveCountAsync(0);
        await ops.Context.CloseAsync();
    }

    // On two shared cores under load the host's default 5 s can run out while its background services stop.
    private static GovNetOpsFactory NewApp(FakeTimeProvider clock) =>
        new(realServer: true) { Time = clock, Settings = { ["shutdownTimeoutSeconds"] = "60" } };

    private async Task<IPage> OpenIntakeAsync(GovNetOpsFactory app, bool english)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), Locale = english ? "en-US" : "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000); // as BrowserApp.NewPageAsync: two shared cores make pages slow, not wrong
        var page = await context.NewPageAsync();
        if (english)
        {
            await page.GotoAsync("/culture?name=en&redirect=/account/login");
        }
        await BrowserSession.SignInAsync(page, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/tickets/new");
        return page;
    }

    // The site by its pinyin initials and Tab, then symptoms, reporter and mobile, typed.
    private static async Task FillCallerAsync(IPage page)
    {
        var site = page.Locator("input[data-testid=site]");
        // Opened first, as FaultPathFacts does: typed into while it first opens its list, the picker can drop a key.
        await site.ClickAsync();
        await site.PressSequentiallyAsync("cgz", Typing);
        await Expect(site).ToHaveValueAsync("cgz");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("城关镇人民政府");
        await site.PressAsync("Tab");
        await Expect(site).ToHaveValueAsync("城关镇人民政府");
        await page.Locator("textarea[data-testid=symptoms]").PressSequentiallyAsync("政府大院光纤中断", Typing);
        await page.Locator("input[data-testid=reporter-name]").PressSequentiallyAsync("王建军", Typing);
        await page.Locator("input[data-testid=reporter-mobile]").PressSequentiallyAsync("13937700123", Typing);
    }

    private static async Task TypeTimeAsync(ILocator time, string text)
    {
        await time.ClickAsync();
        await time.PressAsync("Control+A");
        await time.PressSequentiallyAsync(text, Typing);
        await Expect(time).ToHaveValueAsync(text);
    }

    [GeneratedRegex(@"/tickets/GZ-\d{8}-\d{4}")]
    private static partial Regex TicketUrl();
}
