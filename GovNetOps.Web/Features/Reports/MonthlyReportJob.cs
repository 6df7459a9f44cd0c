using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Res = GovNetOps.Web.Resources.Reports;

namespace GovNetOps.Web.Features.Reports;

/// <summary>
/// On the 1st of each month at 08:00 China time: e-mails the previous month's .xlsx to the SMTP channel's recipients and
/// posts a short summary through the robots (webhook channel); each only when its channel is on (both are off by default).
/// Exactly once per month: a unique row per month is inserted before anything is sent, so a second run — a retry, a
/// restart, the catch-up at start-up racing the recurring job — finds it and does nothing.
/// </summary>
public sealed class MonthlyReportJob(
    IDbContextFactory<AppDbContext> factory,
    MonthlyReportService reports,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> notifications,
    TimeProvider time,
    ILogger<MonthlyReportJob> logger)
{
    public const string RecurringJobId = "monthly-report";

    /// <summary>Cron of the recurring job, in China time: 08:00 on the 1st.</summary>
    public const string Cron = "0 8 1 * *";

    public static readonly TimeOnly DueTime = new(8, 0);

    /// <summary>The instant the report of <paramref name="month"/> falls due: 08:00 China time on the next month's 1st.</summary>
    public static DateTimeOffset DueAt(ReportMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return ChinaTime.At(new DateOnly(month.Next.Year, month.Next.Month, 1), DueTime);
    }

    /// <summary>The latest month whose report is due at <paramref name="now"/>.</summary>
    public static ReportMonth DueMonth(DateTimeOffset now)
    {
        var previous = ReportMonth.LastBefore(now);
        return DueAt(previous) <= now ? previous : previous.Previous;
    }

    /// <summary>Delivers the report due now, unless it was delivered already. Returns true when this run delivered it.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var month = DueMonth(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var delivery = new MonthlyReportDeliveryRecord { Month = month.Key, StartedAt = now };
        db.MonthlyReportDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            logger.LogInformation("Monthly report {Month} was delivered already", month.Key);
            return false;
        }

        // The whole county, as leadership reads it.
        var report = await reports.BuildAsync(new Actor("system", "系统", Role.Leader), month, now, cancellationToken);
        var zh = ReportWorkbook.Chinese;
        var subject = string.Format(zh, Res.ResourceManager.GetString(nameof(Res.MailSubject), zh)!, month.Year, month.Month);
        var summary = Summary(report);
        var smtp = channels.OfType<SmtpChannel>().SingleOrDefault();
        var webhook = channels.OfType<WebhookChannel>().SingleOrDefault();
        var outcome = new List<string> { summary };
        try
        {
            if (smtp is { IsEnabled: true })
            {
                await smtp.SendAsync(subject, summary, (ReportWorkbook.FileName(month), ReportWorkbook.Write(report), ReportWorkbook.ContentType), cancellationToken);
                delivery.Emailed = true;
            }

            if (webhook is { IsEnabled: true })
            {
                var link = $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/reports?month={month.Key}";
                await webhook.SendAsync(new OutboundMessage(Guid.Empty, month.Key, "MonthlyReport", subject, summary, link, now, []), cancellationToken);
                delivery.Posted = true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded for the operator; not retried automatically, so nobody receives the month twice.
            logger.LogError(ex, "Sending monthly report {Month} failed", month.Key);
            outcome.Add(ex.Message);
        }

        delivery.CompletedAt = time.GetUtcNow();
        var text = string.Join("\n", outcome);
        delivery.Outcome = text.Length > 2000 ? text[..2000] : text;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Monthly report {Month} delivered (e-mail {Emailed}, robots {Posted})", month.Key, delivery.Emailed, delivery.Posted);
        return true;
    }

    /// <summary>The robots' short summary (Chinese), the same figures as the report.</summary>
    public static string Summary(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zh = ReportWorkbook.Chinese;
        string Rate(double? r) => ReportTables.Percent(r) is { } p ? $"{ReportTables.Display(p)}%" : "—";
        return string.Format(zh, Res.ResourceManager.GetString(nameof(Res.PrintOverall), zh)!,
            report.Total.BackboneFaults, report.Total.LanRequests, Rate(report.Total.ResponseRate), Rate(report.Total.RepairRate), report.Breaches.Count,
            Rate(report.Total.ResponseRateAfterWaivers), Rate(report.Total.RepairRateAfterWaivers), report.Breaches.Count(b => b.IsWaived));
    }
}

/// <summary>Registers the recurring job (08:00 China time on the 1st) and, at start-up, delivers a month whose instant
/// passed while the app was down; the unique row per month keeps the two from both sending.</summary>
internal sealed class MonthlyReportStartup(IServiceScopeFactory scopes, IOptions<ReportOptions> options, ILogger<MonthlyReportStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.DeliverMonthly)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        try
        {
            var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<MonthlyReportJob>(MonthlyReportJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), MonthlyReportJob.Cron,
                new RecurringJobOptions { TimeZone = ChinaZone() });
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Registering the monthly report job failed");
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().RunAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Monthly report catch-up at start-up failed; the recurring job runs on the 1st");
        }
    }

    /// <summary>China time by its IANA id (Hangfire stores the zone by id and finds it again); UTC+8 has no daylight saving.</summary>
    private static TimeZoneInfo ChinaZone() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
