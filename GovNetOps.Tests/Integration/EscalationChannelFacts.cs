using System.Net;
using System.Text.Json.Nodes;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration;

/// <summary>Outbound channels against local listeners started by the test, real time. A back-dated
/// township ticket (reported 50 min after the call) has two steps due at once: the response
/// reminder (carrier engineers) and warning (ops and the carrier's manager). The new ticket itself is
/// announced through the same channels: three messages in all.</summary>
public sealed class EscalationChannelFacts
{
    // Generous: the whole suite shares two cores with browsers; a pass takes about a second.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static async Task<(GovNetOpsFactory App, TicketDriver Driver, string Number)> ReportWithChannelsAsync(Dictionary<string, string?> settings)
    {
        var app = new GovNetOpsFactory();
        // No sweep: the long wait below is for a loaded machine, not for the sweep to cover a lost catch-up.
        app.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        foreach (var (k, v) in settings)
        {
            app.Settings[k] = v;
        }

        app.CreateClient().Dispose();
        var driver = new TicketDriver(app.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (_, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(50));
        return (app, driver, number);
    }

    private static string Describe(List<NotificationDelivery> deliveries) =>
        $"{deliveries.Count} deliveries: " + string.Join(", ", deliveries.Select(d => $"{d.Channel} {d.State} after {d.Attempts} attempts ({d.LastError})"));

    [Theory]
    [InlineData(WebhookFormat.Generic)]
    [InlineData(WebhookFormat.WeCom)]
    [InlineData(WebhookFormat.DingTalk)]
    public async Task Webhook_PostsEachEscalationInTheConfiguredFormat(WebhookFormat format)
    {
        using var hook = new WebhookListener();
        var (app, driver, number) = await ReportWithChannelsAsync(new()
        {
            ["Notifications:Webhook:Enabled"] = "true", ["Notifications:Webhook:Url"] = hook.Url, ["Notifications:Webhook:Format"] = format.ToString(),
        });
        await using var _ = app;

        await TicketDriver.EventuallyAsync(() => Task.FromResult(hook.Requests.Count), n => n == 3, Wait, "three webhook posts", n => $"{n} posts", app.Diagnostics);

        var bodies = hook.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        var warning = format switch
        {
            WebhookFormat.Generic => bodies.Single(b => (string?)b["level"] == "Warning"),
            _ => bodies.Single(b => ((string)b["text"]!["content"]!).StartsWith("【预警】", StringComparison.Ordinal)),
        };
        switch (format)
        {
            case WebhookFormat.Generic:
                Assert.Equal(number, (string?)warning["ticketNumber"]);
                Assert.Equal("Response", (string?)warning["clock"]);
                Assert.Equal("13303770001", (string?)warning["mentionMobiles"]![0]);
                Assert.Equal($"http://localhost:5080/tickets/{number}", (string?)warning["link"]);
                break;
            case WebhookFormat.WeCom: // 企业微信群机器人: text message, @ by mobile
                Assert.Equal("text", (string?)warning["msgtype"]);
                Assert.Contains(number, (string)warning["text"]!["content"]!);
                Assert.Equal("13303770001", (string?)warning["text"]!["mentioned_mobile_list"]![0]);
                Assert.EndsWith($"\nhttp://localhost:5080/tickets/{number}", (string)warning["text"]!["content"]!);
                break;
            case WebhookFormat.DingTalk: // 钉钉自定义机器人: text message, at.atMobiles
                Assert.Equal("text", (string?)warning["msgtype"]);
                Assert.Contains(number, (string)warning["text"]!["content"]!);
                Assert.Equal("13303770001", (string?)warning["at"]!["atMobiles"]![0]);
                Assert.False((bool)warning["at"]!["isAtAll"]!);
                break;
        }
        await using var db = app.NewDbContext();
        var deliveries = await TicketDriver.EventuallyAsync(() => db.NotificationDeliveries.AsNoTracking().Where(d => d.EscalationRecordId != null).ToListAsync(),
            d => d.Count == 2 && d.All(x => x.State == DeliveryState.Delivered), Wait, "both deliveries marked delivered", Describe, app.Diagnostics);
        Assert.All(deliveries, d => Assert.Equal((WebhookChannel.ChannelName, 1), (d.Channel, d.Attempts)));
    }

    [Fact]
    public async Task Webhook_SignsDingTalkRequests_WhenASecretIsConfigured()
    {
        using var hook = new WebhookListener();
        var (app, _, _) = await ReportWithChannelsAsync(new()
        {
            ["Notifications:Webhook:Enabled"] = "true", ["Notifications:Webhook:Url"] = hook.Url,
            ["Notifications:Webhook:Format"] = "DingTalk", ["Notifications:Webhook:Secret"] = "SECtest",
        });
        await using var _ = app;

        await TicketDriver.EventuallyAsync(() => Task.FromResult(hook.Requests.Count), n => n == 3, Wait, "three webhook posts", n => $"{n} posts", app.Diagnostics);

        Assert.All(hook.Requests, r => Assert.Matches(@"^\?key=test&timestamp=\d{13}&sign=[^&]+$", r.Query));
    }

    [Fact]
    public async Task FailingChannel_IsRetried_AndTheEscalationIsRecordedAnyway()
    {
        // The robot is down for the first two calls (the new ticket's or an escalation's), then answers.
        using var hook = new WebhookListener(n => n <= 2 ? (HttpStatusCode.BadGateway, "upstream down") : (HttpStatusCode.OK, "{\"errcode\":0}"));
        var (app, driver, _) = await ReportWithChannelsAsync(new()
        {
            ["Notifications:Webhook:Enabled"] = "true", ["Notifications:Webhook:Url"] = hook.Url, ["Notifications:Webhook:Format"] = "WeCom",
        });
        await using var _ = app;

        // The escalations do not wait for the channel.
        var records = await TicketDriver.EventuallyAsync(() => driver.RecordsAsync(), r => r.Count == 2, Wait, "two escalation records", TicketDriver.Describe, app.Diagnostics);
        Assert.Equal([EscalationLevel.Reminder, EscalationLevel.Warning], records.Select(r => r.Level));

        await using var db = app.NewDbContext();
        var deliveries = await TicketDriver.EventuallyAsync(() => db.NotificationDeliveries.AsNoTracking().ToListAsync(),
            d => d.Count == 3 && d.All(x => x.State == DeliveryState.Delivered), Wait, "all three deliveries delivered after retries", Describe, app.Diagnostics);
        Assert.Equal(2, hook.Requests.Count(r => r.Answered == HttpStatusCode.BadGateway));
        Assert.Equal(3, hook.Requests.Count(r => r.Answered == HttpStatusCode.OK));
        Assert.Equal(5, deliveries.Sum(d => d.Attempts));
        Assert.Equal(2, (await driver.RecordsAsync()).Count);
    }

    [Fact]
    public async Task Smtp_SendsEachEscalationAsAnEmail()
    {
        using var smtp = new SmtpListener();
        var (app, _, number) = await ReportWithChannelsAsync(new()
        {
            ["Notifications:Smtp:Enabled"] = "true", ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Notifications:Smtp:Security"] = "None", ["Notifications:Smtp:From"] = "govnetops@tongbai.gov.cn",
            ["Notifications:Smtp:To:0"] = "duty@tongbai.gov.cn",
        });
        await using var _ = app;

        // The duty mailbox gets every mail the app sends, not only this ticket's: the app runs on the real clock with the
        // demo registry, whose own reminders go to the same list. A fourth e-mail arrived while this test waited on a
        // loaded machine in fresh-ci on 1 December 2026 (its subject was not printed then; the time-out message below
        // lists every subject now). This ticket's e-mails are those that name it.
        List<(MimeKit.MimeMessage Message, List<string> Recipients)> Mine() => smtp.Messages.Where(m => (m.Message.Subject ?? "").Contains(number, StringComparison.Ordinal)).ToList();
        var mine = await TicketDriver.EventuallyAsync(() => Task.FromResult(Mine()), m => m.Count == 3, Wait, "three e-mails about the ticket",
            m => $"{m.Count} e-mails about it; all subjects: " + string.Join(" | ", smtp.Messages.Select(x => x.Message.Subject)), app.Diagnostics);

        var escalations = mine.Where(m => !(m.Message.Subject ?? "").StartsWith("【新工单】", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"【提醒】{number} 响应时限", $"【预警】{number} 响应时限"], escalations.Select(m => m.Message.Subject).Order());
        Assert.All(mine, m => Assert.EndsWith($"http://localhost:5080/tickets/{number}", (m.Message.TextBody ?? "").TrimEnd()));
        Assert.All(escalations, m =>
        {
            Assert.Equal(["duty@tongbai.gov.cn"], m.Recipients);
            Assert.Equal("govnetops@tongbai.gov.cn", m.Message.From.Mailboxes.Single().Address);
            Assert.Contains("中国电信桐柏分公司", m.Message.TextBody);
        });
    }
}
