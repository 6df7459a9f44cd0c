using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>The monthly delivery: at 08:00 China time on the 1st, once; and once after a restart that spans the instant.</summary>
public sealed class MonthlyReportJobFacts
{
    private static readonly DateTimeOffset DueApril = ReportMonthFixture.ReportAt; // 2026-05-01 08:00 China time

    [Fact]
    public async Task Run_DeliversAprilOnceAt0800OnThe1st_WithFakeTime()
    {
        using var smtp = new SmtpListener();
        using var hook = new WebhookListener();
        var clock = new FakeTimeProvider(DueApril - TimeSpan.FromSeconds(1));
        await using var app = NewApp(clock, smtp, hook, deliverMonthly: false, databasePath: null);
        await using (var db = app.NewDbContext())
        {
            db.MonthlyReportDeliveries.Add(new MonthlyReportDeliveryRecord { Month = "2026-03", StartedAt = clock.GetUtcNow(), Outcome = "上月已发送" });
            await db.SaveChangesAsync();
        }

        Assert.False(await RunAsync(app));
        Assert.Empty(smtp.Messages);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await RunAsync(app));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await RunAsync(app));

        var (mail, recipients) = Assert.Single(smtp.Messages);
        Assert.Equal(["leader@tongbai.gov.cn"], recipients);
        Assert.Equal("2026年4月电子政务外网运维月报", mail.Subject);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("monthly-report-2026-04.xlsx", attachment.FileName);
        var post = Assert.Single(hook.Requests);
        Assert.Contains("本月骨干网故障", System.Text.RegularExpressions.Regex.Unescape(post.Body), StringComparison.Ordinal);
        await using var check = app.NewDbContext();
        var april = await check.MonthlyReportDeliveries.SingleAsync(d => d.Month == "2026-04");
        Assert.True(april.Emailed && april.Posted && april.CompletedAt == DueApril);
    }

    [Fact]
    public async Task Startup_DeliversTheMonthOnce_AfterARestartSpanningTheInstant()
    {
        using var smtp = new SmtpListener();
        var folder = TestPaths.NewTempFolder();
        var database = Path.Combine(folder, "govnetops.db");
        // The three starts share one database on either provider (on PostgreSQL each factory would otherwise get its own).
        var postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;
        var clock = new FakeTimeProvider(DueApril - TimeSpan.FromHours(1));
        await using (var before = NewApp(clock, smtp, null, deliverMonthly: true, database, postgreSql))
        {
            _ = before.Services;
            // Up before the instant: it catches up March at start-up, not April.
            // Waits for the delivery to finish (not only its row, written before sending): stopping the app mid-send would
            // lose March's mail, which is never retried so that nobody gets a month twice.
            await TicketDriver.EventuallyAsync(() => CompletedAsync(before, "2026-03"), done => done, TimeSpan.FromSeconds(20), "March delivered");
            Assert.DoesNotContain("2026-04", await MonthsAsync(before));
        }

        // Down across 08:00, up again at 09:30: April goes out at start-up; a second restart sends nothing more.
        var after = new FakeTimeProvider(DueApril + TimeSpan.FromMinutes(90));
        await using (var up = NewApp(after, smtp, null, deliverMonthly: true, database, postgreSql))
        {
            _ = up.Services;
            await TicketDriver.EventuallyAsync(() => CompletedAsync(up, "2026-04"), done => done, TimeSpan.FromSeconds(20), "April delivered");
        }
        await using (var again = NewApp(new FakeTimeProvider(DueApril + TimeSpan.FromHours(2)), smtp, null, deliverMonthly: true, database, postgreSql))
        {
            _ = again.Services;
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(["2026-03", "2026-04"], await MonthsAsync(again));
        }

        Assert.Equal(1, smtp.Messages.Count(m => m.Message.Subject == "2026年4月电子政务外网运维月报"));
        Assert.Equal(2, smtp.Messages.Count);
    }

    private static GovNetOpsFactory NewApp(
        FakeTimeProvider clock, SmtpListener smtp, WebhookListener? hook, bool deliverMonthly, string? databasePath, string? postgreSql = null)
    {
        var app = new GovNetOpsFactory(postgreSqlConnectionString: postgreSql) { Time = clock };
        if (databasePath is not null)
        {
            app.Settings["Database:Path"] = databasePath;
        }
        app.Settings["Reports:DeliverMonthly"] = deliverMonthly ? "true" : "false";
        app.Settings["Escalation:SweepInterval"] = "10.00:00:00";
        app.Settings["Notifications:Smtp:Enabled"] = "true";
        app.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        app.Settings["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Notifications:Smtp:Security"] = "None";
        app.Settings["Notifications:Smtp:From"] = "govnetops@tongbai.gov.cn";
        app.Settings["Notifications:Smtp:To:0"] = "leader@tongbai.gov.cn";
        if (hook is not null)
        {
            app.Settings["Notifications:Webhook:Enabled"] = "true";
            app.Settings["Notifications:Webhook:Url"] = hook.Url;
        }
        return app;
    }

    private static async Task<bool> RunAsync(GovNetOpsFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<List<string>> MonthsAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        return await db.MonthlyReportDeliveries.OrderBy(d => d.Month).Select(d => d.Month).ToListAsync();
    }

    private static async Task<bool> CompletedAsync(GovNetOpsFactory app, string month)
    {
        await using var db = app.NewDbContext();
        return await db.MonthlyReportDeliveries.AnyAsync(d => d.Month == month && d.CompletedAt != null);
    }
}
