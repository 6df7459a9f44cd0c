using System.Text.RegularExpressions;
using GovNetOps.Domain.Applications;
using GovNetOps.Tests.Integration.Applications;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Applications.Actions;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>An access application end to end in Chromium: Ops types the paper form by keyboard, approves it with IP
/// addresses, the carrier completes it from its tasks, the new unit is found at intake; the printed annexes.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationBrowserFacts(BrowserApp app)
{
    private static string Shots => Directory.CreateDirectory(Path.Combine(TestPaths.Artifacts("screenshots"), "18")).FullName;

    [Fact]
    public async Task AccessApplication_GoesFromPaperFormToConnectedUnit_AcrossOpsAndCarrier()
    {
        // 1. Ops types annex 1 from the signed paper form: keyboard only, Tab between fields, Enter submits.
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/applications/new/access");
        var unit = ops.Locator("input[data-testid=unit-name]");
        await unit.FocusAsync();
        await unit.PressSequentiallyAsync("桐柏县审计局");
        await ops.Locator("input[data-testid=address]").FocusAsync();
        await ops.Keyboard.TypeAsync("桐柏县淮源大道 66 号");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("周敏");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("13937702468");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("吴刚");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("15837701357");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("8");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("100");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("审计业务系统接入省审计专网");
        await ops.Keyboard.PressAsync("Tab");
        await ops.Keyboard.TypeAsync("同意接入");
        await Expect(ops.Locator("input[data-testid=tech-mobile]")).ToHaveValueAsync("15837701357");
        await ops.Keyboard.PressAsync("Enter");

        await Expect(ops).ToHaveURLAsync(new Regex(@"/applications/JR-\d{8}-\d{2}$"));
        await BrowserSession.WaitInteractiveAsync(ops);
        var number = await ops.GetByTestId("number").InnerTextAsync();
        await Expect(ops.GetByTestId("state")).ToContainTextAsync("待审核");
        await Expect(ops.GetByTestId("clock-review")).ToContainTextAsync("剩余");
        await ops.ScreenshotAsync(new() { Path = Path.Combine(Shots, "application-received.png"), FullPage = true });

        // 2. Ops approves with an IP allocation; an overlapping one is refused first and nothing changes.
        var ips = ops.Locator("input[data-testid=ips]");
        await ips.FocusAsync();
        await ips.PressSequentiallyAsync("10.41.2.0/28");
        await ops.GetByTestId("carrier").ClickAsync();
        await ops.GetByRole(AriaRole.Option, new() { Name = "中国电信桐柏分公司" }).ClickAsync();
        await ops.GetByTestId("location-class").ClickAsync();
        await ops.GetByRole(AriaRole.Option, new() { Name = "县直单位" }).ClickAsync();
        await ops.GetByTestId("approve").ClickAsync();
        await Expect(ops.GetByTestId("action-error")).ToContainTextAsync("重叠");
        await Expect(ops.GetByTestId("state")).ToContainTextAsync("待审核");
        await ips.FillAsync("");
        await ips.PressSequentiallyAsync("10.60.9.0/29");
        await ops.GetByTestId("approve").ClickAsync();
        await Expect(ops.GetByTestId("state")).ToContainTextAsync("实施中");
        await Expect(ops.GetByTestId("clock-implementation")).ToContainTextAsync("剩余");
        await Expect(ops.GetByTestId("ip-allocation")).ToHaveTextAsync("10.60.9.0/29");
        await ops.ScreenshotAsync(new() { Path = Path.Combine(Shots, "application-clocks.png"), FullPage = true });

        // 3. The carrier finds it among its own tasks and completes it.
        var telecom = await app.NewPageAsync();
        await BrowserSession.SignInAsync(telecom, "telecom", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(telecom, "/carrier/applications");
        await telecom.Locator("[data-testid=task-link]", new() { HasText = number }).ClickAsync();
        await BrowserSession.WaitInteractiveAsync(telecom);
        var note = telecom.Locator("input[data-testid=complete-note]");
        await note.FocusAsync();
        await note.PressSequentiallyAsync("光纤入户，设备已开通");
        await telecom.GetByTestId("complete").ClickAsync();
        await Expect(telecom.GetByTestId("state")).ToContainTextAsync("已完成");
        await Expect(telecom.GetByTestId("created-site")).ToContainTextAsync("桐柏县审计局");

        // 4. The unit is in the registry: Ops finds it at intake by typing its name.
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        var site = ops.Locator("input[data-testid=site]");
        await site.ClickAsync();
        await site.PressSequentiallyAsync("审计局");
        await Expect(ops.GetByText("桐柏县审计局").First).ToBeVisibleAsync();

        // 5. The list and the printed annex 1.
        await BrowserSession.GotoInteractiveAsync(ops, "/applications");
        await ops.GetByTestId("open-only").ClickAsync();
        await Expect(ops.Locator("[data-testid=application-link]", new() { HasText = number })).ToBeVisibleAsync();
        await ops.ScreenshotAsync(new() { Path = Path.Combine(Shots, "application-list.png"), FullPage = true });
        // A phone opens the page at its own width (a resize of an open page is shot before the drawer has moved).
        await ops.SetViewportSizeAsync(390, 844);
        await BrowserSession.GotoInteractiveAsync(ops, "/applications");
        await ops.GetByTestId("open-only").ClickAsync(); // completed: shown with every application, not the open ones only
        await Expect(ops.Locator("[data-testid=application-link]", new() { HasText = number })).ToBeVisibleAsync();
        await ops.ScreenshotAsync(new() { Path = Path.Combine(Shots, "application-list-390.png"), FullPage = true });
        await BrowserSession.GotoInteractiveAsync(ops, $"/applications/{number}");
        await Expect(ops.GetByTestId("state")).ToContainTextAsync("已完成");
        await ops.ScreenshotAsync(new() { Path = Path.Combine(Shots, "application-clocks-390.png"), FullPage = true });
        await ops.SetViewportSizeAsync(1366, 820);

        await ops.GotoAsync($"/applications/{number}/print");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("桐柏县电子政务外网接入申请表");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("☑党政机关");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("10.60.9.0/29");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("此表一式两份");
        await PrintWithChromiumAsync(ops, "annex1");

        await ops.Context.CloseAsync();
        await telecom.Context.CloseAsync();
    }

    /// <summary>Prints the page as a person would from the browser: the rendered annex (scripts left out, its stylesheet
    /// from the app) through headless Chromium's own <c>--print-to-pdf</c>, A4 by the page's @page rule.</summary>
    private async Task PrintWithChromiumAsync(IPage page, string name)
    {
        var html = ScriptTag().Replace(await page.ContentAsync(), "");
        html = html.Replace("<head>", $"<head><base href=\"{app.BaseAddress}\">", StringComparison.Ordinal);
        var source = Path.Combine(Shots, name + ".html");
        var pdf = Path.Combine(Shots, name + ".pdf");
        await File.WriteAllTextAsync(source, html);
        File.Delete(pdf);
        using var chromium = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(BrowserApp.ChromiumPath)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(source).AbsoluteUri },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await chromium.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(File.Exists(pdf), $"chromium did not print {name}: {await chromium.StandardError.ReadToEndAsync()}");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
    }

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptTag();

    [Fact]
    public async Task ChangeApplication_PrintsAsAnnex2_WithTheChangeTypeTicked()
    {
        using var scope = app.Factory.Services.CreateScope();
        await using var db = app.Factory.NewDbContext();
        var opsUser = PrincipalBuilder.For(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ops"), AppRoles.Ops).Build();
        var siteId = await db.Sites.Where(s => s.Name == "月河镇人民政府").Select(s => s.Id).SingleAsync();
        var form = ApplicationFormBuilder.Change(siteId, ChangeType.Move);
        form.UnitName = "月河镇人民政府";
        form.Address = "桐柏县月河镇新街 12 号（新办公楼）";
        var number = await scope.ServiceProvider.GetRequiredService<RecordApplicationHandler>().RecordAsync(form, opsUser, []);
        Assert.True(number.IsSuccess, number.Error);

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await ops.GotoAsync($"/applications/{number.Value}/print");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("桐柏县电子政务外网变更申请表");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("☑移机");
        await Expect(ops.GetByTestId("annex")).ToContainTextAsync("☐拆机");
        await PrintWithChromiumAsync(ops, "annex2");
        await ops.Context.CloseAsync();
    }
}
