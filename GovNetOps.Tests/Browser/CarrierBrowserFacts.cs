using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The admin adds a carrier by keyboard: a landline as the manager's number is refused under its field, the
/// corrected form saves and opens the carrier's page with its history. Its own app: a carrier is added.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CarrierBrowserFacts(BrowserApp browser)
{
    [Fact]
    public async Task Admin_AddsACarrier_ByKeyboard_SeeingTheRefusalUnderItsField()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "admin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/admin/carriers");
        await page.GetByTestId("new-carrier").ClickAsync();
        await Expect(page.GetByTestId("carrier-title")).ToHaveTextAsync("新增运营商");
        await BrowserSession.WaitInteractiveAsync(page);

        await page.Locator("input[data-testid=carrier-name]").FocusAsync();
        foreach (var text in new[] { "中国广电桐柏分公司", "广电", "孙立军", "0377-66123456", "0377-68150000" })
        {
            await page.Keyboard.TypeAsync(text);
            await page.Keyboard.PressAsync("Tab");
        }

        await page.GetByTestId("save-carrier").ClickAsync();
        await Expect(page.GetByText("客户经理手机须为 11 位手机号码")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "13/carrier-new-refused");

        var mobile = page.Locator("input[data-testid=carrier-mobile]");
        await mobile.ClickAsync();
        await mobile.PressAsync("Control+a");
        await mobile.PressSequentiallyAsync("13937705555");
        await mobile.PressAsync("Tab");
        await page.GetByTestId("save-carrier").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/carriers/\d+$"));
        await Expect(page.GetByTestId("carrier-title")).ToHaveTextAsync("中国广电桐柏分公司");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("新增");
        await BrowserApp.ScreenshotAsync(page, "13/carrier-new-saved");
        await context.CloseAsync();
    }
}
