using System.Text.RegularExpressions;
using GovNetOps.Domain.Common;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Maintenance;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Maintenance notices end to end in Chromium: the carrier files by keyboard (late notice, with a reason), Ops
/// approves, a board open in another browser context shows the window without a reload, the carrier starts the work and
/// the board shows it ongoing; a fault reported at the site inside the window says so at intake and shows the link on
/// its ticket page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MaintenanceBrowserFacts(BrowserApp app)
{
    private static string Shot(string name)
    {
        var folder = Path.Combine(TestPaths.Artifacts("screenshots"), "15");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [Fact]
    public async Task CarrierFiles_OpsApproves_BoardShowsTheWindowLive_AndAFaultInsideItShowsTheLink()
    {
        // A board open before anything is filed (its own browser context).
        var board = await app.NewPageAsync();
        await BrowserSession.SignInAsync(board, "leader", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(board, "/board");
        await Expect(board.GetByTestId("board-maintenance")).ToBeVisibleAsync();

        // 1. The carrier files by keyboard: starting in two minutes is late notice, so the form asks for a reason.
        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(telecom, "/maintenance/new");
        var site = telecom.Locator("[data-testid=site-choices] .mud-checkbox", new() { HasText = "城关镇人民政府" }).Locator("input");
        await site.FocusAsync();
        await site.PressAsync("Space");
        await Expect(site).ToBeCheckedAsync();
        var start = ChinaTime.ToChina(TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2));
        var startText = start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var endText = start.AddHours(2).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await TypeAsync(telecom, "notice-start", startText);
        await TypeAsync(telecom, "notice-end", endText);
        await Expect(telecom.GetByTestId("late-warning")).ToBeVisibleAsync();
        await TypeAsync(telecom, "notice-late-reason", "城关镇汇聚光缆被市政施工挖伤，需紧急割接");
        await TypeAsync(telecom, "notice-work", "更换城关镇汇聚点受损光缆并重新熔接");
        await TypeAsync(telecom, "notice-impact", "城关镇人民政府专线中断约30分钟");
        await TypeAsync(telecom, "notice-contact", "刘强");
        await TypeAsync(telecom, "notice-mobile", "13937701234");
        await telecom.ScreenshotAsync(new() { Path = Shot("notice-form"), FullPage = true });
        await telecom.GetByTestId("notice-submit").FocusAsync();
        await telecom.Keyboard.PressAsync("Enter");
        await Expect(telecom).ToHaveURLAsync(NoticeUrl());
        var number = await telecom.GetByTestId("notice-number").InnerTextAsync();
        await Expect(telecom.GetByTestId("notice-late")).ToBeVisibleAsync();

        // 2. Ops approves it.
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, $"/maintenance/{number}");
        await TypeAsync(ops, "decision-reason", "同意，注意作业前通知城关镇网管");
        await ops.ScreenshotAsync(new() { Path = Shot("ops-decision"), FullPage = true });
        await ops.GetByTestId("approve").ClickAsync();
        await Expect(ops.GetByTestId("notice-status")).ToHaveTextAsync("已批准");

        // 3. The board, never reloaded, shows the window; once the carrier starts the work it shows it ongoing.
        var window = board.Locator($"[data-testid=board-window][data-number='{number}']");
        await Expect(window).ToBeVisibleAsync();
        await Expect(window).ToContainTextAsync("城关镇人民政府");
        await Expect(window).ToContainTextAsync("电信");
        await telecom.GetByTestId("start").ClickAsync();
        await Expect(telecom.GetByTestId("notice-status")).ToHaveTextAsync("实施中");
        await Expect(window).ToContainTextAsync("进行中");
        await Expect(window).ToContainTextAsync("剩余");
        await board.ScreenshotAsync(new() { Path = Shot("board-ongoing-window"), FullPage = true });

        // 4. A fault at the site inside the window: intake says so before submitting; the ticket shows the link.
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        var siteInput = ops.Locator("input[data-testid=site]");
        await siteInput.ClickAsync();
        await siteInput.PressSequentiallyAsync("cgz");
        await ops.GetByText("城关镇人民政府").First.ClickAsync();
        await Expect(siteInput).ToHaveValueAsync("城关镇人民政府");
        await Expect(ops.GetByTestId("intake-maintenance")).ToContainTextAsync(number);
        await Field(ops, "symptoms").PressSequentiallyAsync("政务外网中断");
        await Field(ops, "reporter-name").PressSequentiallyAsync("王建军");
        await Field(ops, "reporter-mobile").PressSequentiallyAsync("13937700123");
        await ops.ScreenshotAsync(new() { Path = Shot("intake-inside-window"), FullPage = true });
        await Field(ops, "reporter-mobile").PressAsync("Enter");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets/GZ-\d{8}-\d{4}(\?new=1)?$"));
        await BrowserSession.WaitInteractiveAsync(ops);
        await Expect(ops.GetByTestId("ticket-notice-link")).ToHaveTextAsync(number);
        await Expect(ops.GetByTestId("verdict-planned")).ToBeVisibleAsync();
        await ops.ScreenshotAsync(new() { Path = Shot("ticket-linked"), FullPage = true });

        foreach (var page in new[] { board, telecom, ops })
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task TypeAsync(IPage page, string testId, string text)
    {
        var input = Field(page, testId);
        await input.ClickAsync();
        await input.PressSequentiallyAsync(text);
        await input.PressAsync("Tab");
    }

    /// <summary>The input of a MudBlazor text field (its data-testid lands on the input itself).</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    [GeneratedRegex(@"/maintenance/WH-\d{8}-\d{2}$")]
    private static partial Regex NoticeUrl();

    /// <summary>Files an approved China Telecom notice over two sites (late, starting in a minute) through the app's own
    /// handlers; with <paramref name="startNow"/> the carrier also marks it started. Returns its number.</summary>
    public static async Task<string> FileApprovedAsync(IServiceProvider services, bool startNow)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var sites = await db.Sites.Where(s => s.CarrierId == 1 && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var telecom = PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "telecom"), AppRoles.Carrier).Build();
        var ops = PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ops"), AppRoles.Ops).Build();
        var start = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        var form = new NoticeForm
        {
            SiteIds = sites, StartChina = ChinaTime.ToChina(start).DateTime, EndChina = ChinaTime.ToChina(start + TimeSpan.FromHours(3)).DateTime,
            Work = "城关镇、淮源镇汇聚设备板卡更换", Impact = "两站点专线各中断约20分钟", ContactName = "刘强", ContactMobile = "13937701234",
            LateReason = "设备告警，需尽快更换",
        };
        using var scope = services.CreateScope();
        var filed = await scope.ServiceProvider.GetRequiredService<FileNoticeHandler>().FileAsync(form, telecom);
        Assert.True(filed.IsSuccess, filed.Error);
        var actions = scope.ServiceProvider.GetRequiredService<NoticeActionHandler>();
        var approved = await actions.DecideAsync(filed.Value!.Id, 1, true, null, ops);
        Assert.True(approved.IsSuccess, approved.Error);
        if (startNow)
        {
            Assert.True((await actions.StartAsync(filed.Value.Id, approved.Value, telecom)).IsSuccess);
        }

        return filed.Value.Number;
    }
}
