using System.Diagnostics;
using System.Text.RegularExpressions;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Issue 14 in Chromium: the system administrator creates an engineer on the users page (typed, as a person
/// would), and disables another whose ticket page is open in a second browser context.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UserAdminBrowserFacts(BrowserApp app)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SystemAdmin_CreatesACarrierEngineer_WhoMustChangeTheTemporaryPasswordAtFirstSignIn()
    {
        var admin = await app.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(admin, "/admin/users");
        await Expect(admin.Locator("[data-testid=users] tbody tr").First).ToBeVisibleAsync();

        await admin.GetByTestId("new-user").ClickAsync();
        await Input(admin, "new-display-name").PressSequentiallyAsync("郑工");
        await Input(admin, "new-user-name").PressSequentiallyAsync("zheng.mobile");
        await Input(admin, "new-mobile").PressSequentiallyAsync("13937700222");
        await ChooseAsync(admin, "new-role", "运营商");
        await ChooseAsync(admin, "new-carrier", "移动");
        await admin.GetByTestId("create-user").ClickAsync();

        await Expect(admin.GetByTestId("temporary-password")).ToContainTextAsync("zheng.mobile");
        var password = (await admin.Locator(".temporary-password").InnerTextAsync()).Trim();
        var row = admin.Locator("[data-testid=users] tbody tr").Filter(new() { Has = admin.Locator("[data-user='zheng.mobile']") });
        await Expect(row).ToContainTextAsync("139****0222");
        await Expect(row.Locator("[data-status=must-change]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "users-1-created");

        var engineer = await app.NewPageAsync();
        await BrowserSession.SignInAsync(engineer, "zheng.mobile", password);
        await Expect(engineer).ToHaveURLAsync(new Regex("/account/change-password"));
        await engineer.Locator("#current").PressSequentiallyAsync(password);
        await engineer.Locator("#new").PressSequentiallyAsync("Zheng#Mobile2026");
        await engineer.Locator("#confirm").PressSequentiallyAsync("Zheng#Mobile2026");
        await engineer.Locator("#confirm").PressAsync("Enter");
        await Expect(engineer).ToHaveURLAsync(new Regex("/carrier$"));
        await Expect(engineer.Locator("h4").First).ToHaveTextAsync("我的工单队列");
        await engineer.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    // The two-context case, through the users page: only the action handler stands between the disabled
    // engineer's open ticket page and the ticket (its page's own re-check is set to 10 minutes here).
    [Fact]
    public async Task DisablingAnEngineerOnTheUsersPage_RefusesItsOpenTicketPagesNextAction_AndItsNextPageLoad()
    {
        await using var factory = new GovNetOpsFactory(realServer: true);
        factory.Settings["Security:CircuitRevalidationInterval"] = "00:10:00";
        var baseAddress = factory.ServerAddress;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "disable-click", DisplayName = "钱工", CarrierId = 1 };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, AppRoles.Carrier)).Succeeded);
        }
        var driver = new TicketDriver(factory.Services);
        var (ticketId, number) = await driver.ReportAsync(await driver.SiteAsync(LocationClass.CountyDirect, carrierId: 1), TimeProvider.System.GetUtcNow());
        var carrier = await app.NewPageAsync(baseAddress);
        await BrowserSession.SignInAsync(carrier, "disable-click", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(carrier, $"/tickets/{number}");
        await Expect(carrier.Locator("[data-action=Acknowledge]")).ToBeVisibleAsync();

        var admin = await app.NewPageAsync(baseAddress);
        await BrowserSession.SignInAsync(admin, "admin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(admin, "/admin/users");
        var row = admin.Locator("[data-testid=users] tbody tr").Filter(new() { Has = admin.Locator("[data-user='disable-click']") });
        await row.Locator("[data-act=disable]").ClickAsync();
        await admin.GetByTestId("confirm-yes").ClickAsync();
        await Expect(row.Locator("[data-status=disabled]")).ToBeVisibleAsync();
        var disabled = Stopwatch.StartNew();
        await BrowserApp.ScreenshotAsync(admin, "users-2-disabled");

        await carrier.Locator("[data-action=Acknowledge]").ClickAsync();

        await Expect(carrier.GetByTestId("action-error")).ToContainTextAsync("您的账户权限已变更，本次操作未执行。请重新登录。");
        Assert.True(disabled.Elapsed <= Bound, $"refused after {disabled.Elapsed.TotalSeconds:0.0} s");
        var stored = (await factory.Services.GetRequiredService<TicketStore>().LoadAsync(ticketId))!;
        Assert.Equal(1, stored.Version);
        await carrier.GotoAsync($"/tickets/{number}");
        await Expect(carrier).ToHaveURLAsync(new Regex("/account/login"));
        await BrowserSession.SignInAsync(carrier, "disable-click", DemoData.Password);
        await Expect(carrier.GetByTestId("login-error")).ToContainTextAsync("该账户已停用");
        await carrier.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    // Revocation holds for the new roles: the security administrator disables an audit administrator on the users
    // page; the auditor's open verification page leaves for the sign-in page on its own within 5 s.
    [Fact]
    public async Task DisablingAnAuditorOnTheUsersPage_SendsItsOpenPageToSignInWithinFiveSeconds()
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "auditor-two", DisplayName = "冯审计" };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, AppRoles.AuditAdmin)).Succeeded);
        }
        var auditor = await app.NewPageAsync();
        await BrowserSession.SignInAsync(auditor, "auditor-two", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(auditor, "/admin/audit");
        await Expect(auditor.GetByTestId("verify")).ToBeVisibleAsync();
        var security = await app.NewPageAsync();
        await BrowserSession.SignInAsync(security, "secadmin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(security, "/admin/users");
        var row = security.Locator("[data-testid=users] tbody tr").Filter(new() { Has = security.Locator("[data-user='auditor-two']") });

        await row.Locator("[data-act=disable]").ClickAsync();
        await security.GetByTestId("confirm-yes").ClickAsync();
        await Expect(row.Locator("[data-status=disabled]")).ToBeVisibleAsync();

        await Expect(auditor).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = (float)Bound.TotalMilliseconds });
        await auditor.GotoAsync("/admin/audit");
        await Expect(auditor).ToHaveURLAsync(new Regex("/account/login"));
        await BrowserApp.ScreenshotAsync(security, "users-3-auditor-disabled-by-secadmin");
        await auditor.Context.CloseAsync();
        await security.Context.CloseAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }
}
