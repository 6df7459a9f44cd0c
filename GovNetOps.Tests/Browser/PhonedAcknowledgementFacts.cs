using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Interpretation 9 in Chromium: the carrier acknowledged by phone; Ops types the real time of the
/// call with the keyboard, and a note, and the response clock is met at the call time.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhonedAcknowledgementFacts(BrowserApp app)
{
    [Fact]
    public async Task Ops_RecordsPhonedAcknowledgement_WithTypedCallTime_AndResponseClockIsMetAtTheCall()
    {
        // A fault reported 40 minutes ago (back-dated); the carrier phoned 25 minutes after the report.
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.CountyDirect, carrierId: 1);
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(40));
        DateTimeOffset reportedAt;
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            reportedAt = await db.FaultTickets.Where(t => t.Id == id).Select(t => t.ReportedAt).SingleAsync();
        }

        var called = reportedAt.AddMinutes(25);
        var callText = ChinaTime.Format(called); // "yyyy-MM-dd HH:mm" China time, minute precision (>= the report time)

        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, $"/tickets/{number}");
        await ops.Locator("[data-action=RecordAcknowledgement]").ClickAsync();

        // Typed key by key, as a person on the phone does: select the pre-filled "now", then type over it.
        var callTime = ops.Locator("input[data-testid=action-call-time]");
        await callTime.ClickAsync();
        await callTime.PressAsync("Control+A");
        await callTime.PressSequentiallyAsync(callText);
        await Expect(callTime).ToHaveValueAsync(callText);
        await ops.GetByTestId("action-reason").PressSequentiallyAsync("中国电信刘强来电，已安排人员前往");
        await BrowserApp.ScreenshotAsync(ops, "phoned-1-typed");
        await ops.GetByTestId("action-confirm").ClickAsync();

        await Expect(ops.Locator("[data-clock=Response][data-state=Met]")).ToBeVisibleAsync();
        await Expect(ops.GetByTestId("clock-Response")).ToContainTextAsync($"已于 {callText} 完成（按时）");
        await Expect(ops.GetByTestId("on-behalf")).ToContainTextAsync($"代运营商 中国电信桐柏分公司 记录电话响应，通话时间 {callText[5..]}");
        await BrowserApp.ScreenshotAsync(ops, "phoned-2-met");
        await ops.Context.CloseAsync();
    }
}
