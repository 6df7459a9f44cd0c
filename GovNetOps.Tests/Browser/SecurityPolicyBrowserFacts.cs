using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The security administrator changes the password rules on /admin/security; the change shows in the page's
/// history and the change-password page states the new rule. Its own app: the rules apply to every account.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPolicyBrowserFacts(BrowserApp browser)
{
    [Fact]
    public async Task SecurityAdministrator_RaisesTheMinimumLength_AndTheChangeIsRecorded()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        var page = await browser.NewPageAsync(app.ServerAddress);
        await BrowserSession.SignInAsync(page, "secadmin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(page, "/admin/security");
        await Expect(page.GetByTestId("policy-defaults")).ToBeVisibleAsync();

        var length = page.Locator("[data-testid=min-length] input, input[data-testid=min-length]").First;
        await length.ClickAsync();
        await length.PressAsync("Control+a");
        await length.PressSequentiallyAsync("7");
        await length.PressAsync("Tab");
        await page.GetByTestId("save-policy").ClickAsync();
        await Expect(page.GetByTestId("policy-error")).ToHaveTextAsync("最短长度：须为 8 至 64 之间的整数。");

        await length.ClickAsync();
        await length.PressAsync("Control+a");
        await length.PressSequentiallyAsync("10");
        await length.PressAsync("Tab");
        await page.GetByTestId("save-policy").ClickAsync();
        await Expect(page.GetByTestId("policy-history")).ToContainTextAsync("最短长度（字符）：8 → 10");
        await Expect(page.GetByTestId("policy-defaults")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "14/security-policy-zh");

        await page.GotoAsync("/culture?name=en&redirect=/admin/security");
        await Expect(page.GetByTestId("policy-history")).ToContainTextAsync("Minimum length (characters): 8 → 10");
        await BrowserApp.ScreenshotAsync(page, "14/security-policy-en");
        await page.GotoAsync("/culture?name=zh-CN&redirect=/admin/security");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("policy-history")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "14/security-policy-390-zh");

        // Another account's change-password page states the new rule.
        var ops = await browser.NewPageAsync(app.ServerAddress);
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await ops.GotoAsync("/account/change-password");
        await Expect(ops.GetByTestId("password-hint")).ToContainTextAsync("新密码至少 10 个字符");
        await ops.Locator("#current").PressSequentiallyAsync(DemoData.Password);
        await ops.Locator("#new").PressSequentiallyAsync("Short#1a");
        await ops.Locator("#confirm").PressSequentiallyAsync("Short#1a");
        await ops.Locator("#confirm").PressAsync("Enter");
        await Expect(ops.GetByTestId("change-password-error")).ToHaveTextAsync("新密码：至少 10 个字符。");
        await ops.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(ops, "14/change-password-refused-390-zh");
        await Expect(ops).ToHaveURLAsync(new Regex("/account/change-password"));
        await ops.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
