using System.Net;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

/// <summary>Who may open the Hangfire dashboard, the escalation log and whose notifications.</summary>
public sealed class EscalationAccessFacts(StartedApp app) : IClassFixture<StartedApp>
{
    private HttpClient Client() => app.NoRedirectClient();

    // Behind a reverse proxy every request looks local, so being local must not be enough: the role decides.
    [Theory]
    [InlineData("admin", "/hangfire", true)]
    [InlineData("admin", "/hangfire/jobs/scheduled", true)]
    [InlineData("ops", "/hangfire", false)]
    [InlineData("telecom", "/hangfire", false)]
    [InlineData("leader", "/hangfire/jobs/scheduled", false)]
    [InlineData("ops", "/escalations", true)]
    [InlineData("leader", "/escalations", true)]
    [InlineData("telecom", "/escalations", false)]
    [InlineData("admin", "/escalations", false)]
    [InlineData("telecom", "/notifications", true)]
    public async Task Page_IsServedOnlyToItsRoles(string user, string path, bool allowed)
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(client, user, DemoData.Password)).StatusCode);

        var response = await client.GetAsync(path);

        HttpAssert.ServedOrRefused(client, response, allowed);
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/stats")]
    [InlineData("/escalations")]
    [InlineData("/notifications")]
    public async Task Page_RedirectsToLogin_WhenAnonymous(string path)
    {
        using var client = Client();
        var response = await client.GetAsync(path);
        HttpAssert.RedirectsTo(client, response, "/account/login");
    }

    [Fact]
    public async Task Notifications_AreReadAndMarkedOnlyByTheirOwner()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(50));
        await TicketDriver.EventuallyAsync(() => driver.RecordsAsync(id), r => r.Count == 2, TimeSpan.FromSeconds(60), "two records", TicketDriver.Describe, app.Factory.Diagnostics);
        var service = app.Factory.Services.GetRequiredService<NotificationService>();
        var telecom = await driver.UserAsync("telecom");
        var unicom = await driver.UserAsync("unicom");
        var mine = (await service.ListAsync(telecom, unreadOnly: true)).Single(n => n.TicketId == id && n.EscalationRecordId != null); // the reminder (the new-ticket notice is the other one)

        Assert.Equal(0, await service.MarkReadAsync(unicom, mine.Id)); // another carrier's engineer
        Assert.DoesNotContain(await service.ListAsync(unicom, unreadOnly: false), n => n.TicketId == id);
        var unreadBefore = await service.UnreadCountAsync(telecom);
        Assert.Equal(1, await service.MarkReadAsync(telecom, mine.Id));
        Assert.Equal(unreadBefore - 1, await service.UnreadCountAsync(telecom));
    }

    [Fact]
    public async Task EscalationLog_ListsRecordsWithTheirLateness_ForOpsOnly()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 2);
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(31));
        await TicketDriver.EventuallyAsync(() => driver.RecordsAsync(id), r => r.Count == 1, TimeSpan.FromSeconds(60), "the reminder", TicketDriver.Describe, app.Factory.Diagnostics);
        using var scope = app.Factory.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<EscalationLogService>();

        var row = (await log.ListAsync(await driver.UserAsync("ops"), lateOnly: true)).Single(r => r.Number == number);

        Assert.Equal((ClockKind.Response, EscalationLevel.Reminder, EscalationSource.CatchUp), (row.Clock, row.Level, row.Source));
        Assert.True(row.IsLate);
        Assert.InRange(row.LatenessMs, 60_000, 120_000); // due a minute before the back-dated report was logged
        Assert.Empty(await log.ListAsync(await driver.UserAsync("telecom"), lateOnly: false));
    }
}
