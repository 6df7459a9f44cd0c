using System.Text.Json.Nodes;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Features.Notifications.Announcements;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

/// <summary>New work is announced: a reported backbone ticket to its carrier's users (in-app and through the outbound
/// channels, with the ticket's absolute link), a complex-fault or suspension request to Ops. Real app, real time,
/// a webhook and an SMTP listener on loopback.</summary>
public sealed class TicketAnnouncementFacts : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://ops.tongbai.example/govnetops";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly WebhookListener _hook = new();
    private readonly SmtpListener _smtp = new();
    private readonly GovNetOpsFactory _app = new();
    private TicketDriver _driver = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        _app.Settings["Notifications:PublicBaseUrl"] = PublicBaseUrl + "/";
        _app.Settings["Notifications:Webhook:Enabled"] = "true";
        _app.Settings["Notifications:Webhook:Url"] = _hook.Url;
        _app.Settings["Notifications:Smtp:Enabled"] = "true";
        _app.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        _app.Settings["Notifications:Smtp:Port"] = _smtp.Port.ToString();
        _app.Settings["Notifications:Smtp:Security"] = "None";
        _app.Settings["Notifications:Smtp:From"] = "govnetops@tongbai.gov.cn";
        _app.Settings["Notifications:Smtp:To:0"] = "duty@tongbai.gov.cn";
        _app.CreateClient().Dispose();
        _driver = new TicketDriver(_app.Services);
        // A second engineer of China Telecom: both of its users hear of its tickets, China Unicom's "unicom" does not.
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var second = new ApplicationUser { UserName = "telecom2", DisplayName = "赵磊", CarrierId = 1 };
        Assert.True((await users.CreateAsync(second, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(second, AppRoles.Carrier)).Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _hook.Dispose();
        _smtp.Dispose();
    }

    private async Task<List<string>> NotifiedAsync(Guid ticketId, string titleStart)
    {
        await using var db = _app.NewDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.TicketId == ticketId && n.EscalationRecordId == null && n.Title.StartsWith(titleStart))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).OrderBy(n => n).ToListAsync();
    }

    [Fact]
    public async Task Report_NotifiesExactlyTheCarriersUsers_AndQueuesOneDeliveryPerChannelWithTheAbsoluteLink()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await _driver.ReportAsync(site, TimeProvider.System.GetUtcNow());
        var link = $"{PublicBaseUrl}/tickets/{number}";

        var notified = await TicketDriver.EventuallyAsync(() => NotifiedAsync(id, "【新工单】"), n => n.Count >= 2, Wait, "two carrier users notified",
            n => string.Join(", ", n), _app.Diagnostics);
        Assert.Equal(["telecom", "telecom2"], notified);

        await using var db = _app.NewDbContext();
        var inApp = await db.Notifications.AsNoTracking().Where(n => n.TicketId == id && n.EscalationRecordId == null).ToListAsync();
        Assert.All(inApp, n => Assert.Equal($"/tickets/{number}", n.Link));
        Assert.All(inApp, n => Assert.Contains("专线中断", n.Body));
        var deliveries = await TicketDriver.EventuallyAsync(
            () => db.NotificationDeliveries.AsNoTracking().Where(d => d.TicketId == id && d.EscalationRecordId == null).ToListAsync(),
            d => d.Count == 2 && d.All(x => x.State == DeliveryState.Delivered), Wait, "one delivery per channel, delivered",
            d => string.Join(", ", d.Select(x => $"{x.Channel} {x.State} {x.LastError}")), _app.Diagnostics);
        Assert.Equal([SmtpChannel.ChannelName, WebhookChannel.ChannelName], deliveries.Select(d => d.Channel).Order());
        Assert.All(deliveries, d => Assert.Equal(link, (string?)JsonNode.Parse(d.Payload)!["link"]));

        var post = JsonNode.Parse(Assert.Single(_hook.Requests, r => r.Body.Contains(number, StringComparison.Ordinal)).Body)!;
        Assert.Equal((OutboundMessage.NewTicketKind, link), ((string?)post["kind"], (string?)post["link"]));
        var mail = Assert.Single(_smtp.Messages);
        Assert.StartsWith($"【新工单】{number}", mail.Message.Subject);
        Assert.EndsWith(link, (mail.Message.TextBody ?? "").TrimEnd());
    }

    [Fact]
    public async Task Escalation_CarriesTheAbsoluteLink_InEveryOutboundMessage()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        // Reported 50 minutes after the call: the response reminder and warning are due at once.
        var (_, number) = await _driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(50));
        var link = $"{PublicBaseUrl}/tickets/{number}";

        await TicketDriver.EventuallyAsync(() => Task.FromResult(_hook.Requests.Count), n => n == 3, Wait, "the new ticket and two escalations posted",
            n => $"{n} posts", _app.Diagnostics);
        var escalations = _hook.Requests.Select(r => JsonNode.Parse(r.Body)!).Where(b => (string?)b["kind"] == OutboundMessage.EscalationKind).ToList();
        Assert.Equal(["Reminder", "Warning"], escalations.Select(b => (string?)b["level"]).Order());
        Assert.All(escalations, b => Assert.Equal(link, (string?)b["link"]));
        await TicketDriver.EventuallyAsync(() => Task.FromResult(_smtp.Messages.Count), n => n == 3, Wait, "three e-mails", n => $"{n} e-mails", _app.Diagnostics);
        Assert.All(_smtp.Messages, m => Assert.EndsWith(link, (m.Message.TextBody ?? "").TrimEnd()));
    }

    [Theory]
    [InlineData(TicketTrigger.RequestComplex, "申请复杂故障")]
    [InlineData(TicketTrigger.RequestSuspend, "申请挂起")]
    public async Task Request_NotifiesTheOpsUsers_InApp(TicketTrigger request, string action)
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await _driver.ReportAsync(site, TimeProvider.System.GetUtcNow());
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);

        await _driver.ApplyAsync(id, "telecom", request, "单位机房锁门，联系不上管理员");

        var notified = await TicketDriver.EventuallyAsync(() => NotifiedAsync(id, "【待审批】"), n => n.Count >= 1, Wait, "the ops user notified",
            n => string.Join(", ", n), _app.Diagnostics);
        Assert.Equal(["ops"], notified);
        await using var db = _app.NewDbContext();
        var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.TicketId == id && x.Title.StartsWith("【待审批】"));
        Assert.Equal($"【待审批】{number} {action}", n.Title);
        Assert.Contains("单位机房锁门", n.Body);
    }

    [Fact]
    public async Task CatchUp_AnnouncesAnEventLeftBehindExactlyOnce_WhenRunAgainAndConcurrently()
    {
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, _) = await _driver.ReportAsync(site, TimeProvider.System.GetUtcNow());
        await TicketDriver.EventuallyAsync(() => NotifiedAsync(id, "【新工单】"), n => n.Count == 2, Wait, "announced", n => $"{n.Count}", _app.Diagnostics);

        // As if the app had stopped between the ticket's commit and its announcement: the rows are not there, the cursor is before the event.
        await using (var db = _app.NewDbContext())
        {
            var reportEvent = await db.TicketEvents.Where(e => e.TicketId == id).MinAsync(e => e.Id);
            await db.Notifications.Where(n => n.TicketId == id).ExecuteDeleteAsync();
            await db.NotificationDeliveries.Where(d => d.TicketId == id).ExecuteDeleteAsync();
            await db.EventCursors.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastEventId, reportEvent - 1));
        }
        var announcer = _app.Services.GetRequiredService<TicketAnnouncer>();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => announcer.CatchUpAsync())));

        Assert.Equal(2, runs.Sum());
        Assert.Equal(0, await announcer.CatchUpAsync());
        Assert.Equal(["telecom", "telecom2"], await NotifiedAsync(id, "【新工单】"));
        await using var check = _app.NewDbContext();
        Assert.Equal(2, await check.NotificationDeliveries.CountAsync(d => d.TicketId == id));
    }
}
