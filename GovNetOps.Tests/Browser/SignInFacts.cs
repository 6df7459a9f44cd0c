using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInFacts(BrowserApp app)
{
    // Each demo role lands on its own page, in Chinese, with its own menu.
    [Theory]
    [InlineData("leader", "/board", "态势大屏", "李建华 · 局领导")]
    [InlineData("ops", "/tickets", "故障工单", "张敏 · 运维值班员")]
    [InlineData("telecom", "/carrier", "我的工单队列", "刘强 · 运营商")]
    [InlineData("mobile", "/carrier", "我的工单队列", "孙浩 · 运营商")] // China Mobile has its engineer too
    [InlineData("admin", "/admin", "系统管理", "王磊 · 系统管理员")]
    [InlineData("auditor", "/admin/audit", "事件链校验", "周洁 · 审计管理员")]
    public async Task SignIn_LandsOnTheRolesPage(string user, string landing, string heading, string displayName)
    {
        var page = await app.NewPageAsync();

        await BrowserSession.SignInAsync(page, user, DemoData.Password);

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, landing).ToString());
        await Expect(page.Locator("h1, h4").First).ToHaveTextAsync(heading);
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync(displayName);
        await BrowserApp.ScreenshotAsync(page, $"signin-{user}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Carrier_TypingAnAdminUrl_IsRefused()
    {
        var page = await app.NewPageAsync();
        await BrowserSession.SignInAsync(page, "unicom", DemoData.Password);

        var response = await page.GotoAsync("/admin");

        Assert.NotNull(response);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("无权访问");
        await Expect(page.GetByTestId("sites")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "carrier-refused-admin");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SixWrongPasswords_LeaveTheAccountLocked()
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "lockme-browser", DisplayName = "锁定测试" };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            await users.AddToRoleAsync(user, AppRoles.Leader);
        }
        var page = await app.NewPageAsync();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await BrowserSession.SignInAsync(page, "lockme-browser", "not-the-password");
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("账户已被锁定");

        // Even the right password is refused now.
        await BrowserSession.SignInAsync(page, "lockme-browser", DemoData.Password);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("账户已被锁定");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserApp.ScreenshotAsync(page, "lockout");
        await page.Context.CloseAsync();
    }
}
