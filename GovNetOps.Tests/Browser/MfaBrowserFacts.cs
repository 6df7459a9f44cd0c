using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Issue 14 item 5 in a real browser, with the production policy (the administrators must use a second
/// factor): the security administrator's first sign-in leads to the enrolment and nowhere else; it types the key into
/// an "app" (Otp.NET here), types the code back, gets ten recovery codes; later sign-ins ask for the code, a recovery
/// code works once, a wrong code is refused in Chinese; every step is in the security log. Ops is not asked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MfaBrowserFacts(BrowserApp browser)
{
    [Fact]
    public async Task Administrator_EnrolsOnFirstSignIn_ThenSignsInWithACode_OrOnceWithARecoveryCode()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        app.Settings["Security:Mfa:RequiredForAdministrators"] = "true";
        var page = await browser.NewPageAsync(app.ServerAddress);
        await page.SetViewportSizeAsync(390, 844);
        var time = app.Services.GetRequiredService<TimeProvider>();

        await BrowserSession.SignInAsync(page, "secadmin", DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/account/mfa$"));
        await Expect(page.GetByTestId("mfa-why")).ToContainTextAsync("管理员账号须启用双因素认证");
        await Expect(page.GetByTestId("mfa-qr")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "14/mfa-enrol-390-zh");
        await page.GotoAsync("/admin/security");
        await Expect(page).ToHaveURLAsync(new Regex("/account/mfa$")); // nothing else until enrolled

        var key = Base32Encoding.ToBytes((await page.GetByTestId("mfa-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var app6 = new Totp(key);
        await page.Locator("#code").PressSequentiallyAsync("12345");
        await page.Locator("#code").PressAsync("Enter");
        await Expect(page.GetByTestId("mfa-error")).ToContainTextAsync("验证码不正确");
        await page.Locator("#code").FillAsync("");
        await page.Locator("#code").PressSequentiallyAsync(app6.ComputeTotp(time.GetUtcNow().UtcDateTime));
        await page.Locator("#code").PressAsync("Enter");
        var codes = page.GetByTestId("mfa-recovery-codes").Locator("li");
        await Expect(codes).ToHaveCountAsync(10);
        var recovery = await codes.Nth(3).InnerTextAsync();
        await BrowserApp.ScreenshotAsync(page, "14/mfa-recovery-codes-390-zh");
        await page.GetByTestId("mfa-continue").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));

        // Next sign-in: the password, then a recovery code (the code of this 30 s step was used already).
        await BrowserSession.SignOutAsync(page);
        await BrowserSession.SignInAsync(page, "secadmin", DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-mfa"));
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.ScreenshotAsync(page, "14/mfa-login-1366-zh");
        await page.Locator("#code").PressSequentiallyAsync(recovery);
        await page.Locator("#code").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));

        // The same recovery code again: refused. The app's next code: in.
        await BrowserSession.SignOutAsync(page);
        await BrowserSession.SignInAsync(page, "secadmin", DemoData.Password);
        await page.Locator("#code").PressSequentiallyAsync(recovery);
        await page.Locator("#code").PressAsync("Enter");
        await Expect(page.GetByTestId("mfa-login-error")).ToContainTextAsync("验证码不正确");
        await page.Locator("#code").FillAsync("");
        await page.Locator("#code").PressSequentiallyAsync(app6.ComputeTotp(time.GetUtcNow().UtcDateTime.AddSeconds(30)));
        await page.Locator("#code").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));

        // Ops is not an administrator: no second factor asked.
        var ops = await browser.NewPageAsync(app.ServerAddress);
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await Expect(ops).ToHaveURLAsync(new Regex("/tickets$"));
        // …but may enrol: its name in the app bar opens its account security, which it may leave for later.
        await ops.GetByTestId("current-user").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(ops).ToHaveURLAsync(new Regex("/account/mfa$"));
        await Expect(ops.GetByTestId("mfa-why")).ToContainTextAsync("启用后，登录时除密码外");
        await ops.GetByTestId("mfa-later").ClickAsync();
        await Expect(ops).ToHaveURLAsync(new Regex("/tickets$"));

        await using var db = app.NewDbContext();
        var log = await db.SecurityLog.AsNoTracking().Where(e => e.UserName == "secadmin").OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Detail }).ToListAsync();
        Assert.Contains(log, e => e.Kind == SecurityEventKind.UserChange && e.Detail == "MfaEnabled");
        Assert.Contains(log, e => e.Kind == SecurityEventKind.SignIn && e.Detail == "RecoveryCode");
        Assert.Contains(log, e => e.Kind == SecurityEventKind.SignIn && e.Detail == "SecondFactor");
        Assert.Contains(log, e => e.Kind == SecurityEventKind.SignInFailed && e.Detail == "WrongSecondFactor");
        await page.Context.CloseAsync();
        await ops.Context.CloseAsync();
    }

    [Fact]
    public async Task EnrolmentPage_InEnglish_OnAPhone_FitsAndHasNoChinese()
    {
        await using var app = new GovNetOpsFactory(realServer: true);
        app.Settings["Security:Mfa:RequiredForAdministrators"] = "true";
        var page = await browser.NewPageAsync(app.ServerAddress);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/culture?name=en&redirect=/account/login");
        await BrowserSession.SignInAsync(page, "auditor", DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/account/mfa$"));
        await Expect(page.GetByTestId("mfa-why")).ToContainTextAsync("Administrator accounts must use two-factor authentication");
        await BrowserApp.ScreenshotAsync(page, "14/mfa-enrol-390-en");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow);
        var text = await page.Locator(".account-card").InnerTextAsync();
        Assert.DoesNotMatch(@"[\u4e00-\u9fff]", text);
        await page.Context.CloseAsync();
    }
}
