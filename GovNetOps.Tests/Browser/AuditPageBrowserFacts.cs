using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The admin verifies the event chain in the browser, before and after a row is edited by SQL.
/// Its own app: the shared browser app's log must stay intact for the other browser tests.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditPageBrowserFacts(BrowserApp browser)
{
    [Fact]
    public async Task AuditPage_ShowsIntact_ThenTheTamperedRow()
    {
        await using var app = new GovNetOpsFactory(realServer: true) { Time = new FakeTimeProvider(TicketApp.Start) };
        var address = app.ServerAddress;
        var number = await ReportAndAcknowledgeAsync(app);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "auditor", DemoData.Password);
        await page.GotoAsync("/admin/audit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GetByTestId("verify").ClickAsync();

        await Expect(page.GetByTestId("intact")).ToContainTextAsync("完整");
        await Expect(page.GetByTestId("intact")).ToContainTextAsync("共 2 条事件");
        await BrowserApp.ScreenshotAsync(page, "audit-intact");

        await using (var db = app.NewDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE TicketEvents SET Reason = '已按时响应' WHERE Sequence = 2");
        }

        await page.GetByTestId("verify").ClickAsync();

        await Expect(page.GetByTestId("broken")).ToContainTextAsync("发现 1 处问题");
        await Expect(page.Locator("[data-problem]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-problem]")).ToContainTextAsync("第 2 条）的内容与哈希不符：该记录被修改");
        await BrowserApp.ScreenshotAsync(page, "audit-tampered");
        await context.CloseAsync();
        Assert.StartsWith("GZ-20260302-", number);
    }

    private static async Task<string> ReportAndAcknowledgeAsync(GovNetOpsFactory app)
    {
        using var scope = app.Services.CreateScope();
        var service = TicketUseCases.From(scope.ServiceProvider);
        await using var db = app.NewDbContext();
        var ops = PrincipalBuilder.For(await db.Users.SingleAsync(u => u.UserName == "ops"), AppRoles.Ops).Build();
        var telecom = PrincipalBuilder.For(await db.Users.SingleAsync(u => u.UserName == "telecom"), AppRoles.Carrier).Build();
        var site = await db.Sites.Where(s => s.CarrierId == 1).Select(s => s.Id).FirstAsync();

        var number = (await service.ReportAsync(IntakeFormBuilder.At(site, TicketApp.Start).Build(), ops)).Value!;
        var id = await db.FaultTickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        var acknowledged = await service.ApplyAsync(id, 1, new TicketCommand(TicketTrigger.Acknowledge), telecom);
        Assert.True(acknowledged.IsSuccess, acknowledged.Error);
        return number;
    }
}
