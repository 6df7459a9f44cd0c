using System.Text.Json;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Maintenance.Alerts;

/// <summary>Carries out a maintenance alert: re-checks it against the notice in the database, stores it once (the unique
/// key decides), notifies its recipients in-app in the same transaction (approval reminder: the Ops duty officers;
/// overrun: Ops and the carrier's engineers, and the carrier's manager through the outbound channels), records an overrun
/// on the carrier's record, and tells open pages.</summary>
public sealed class MaintenanceAlertRecorder(
    IDbContextFactory<AppDbContext> factory,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> links,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    Notifier<MaintenanceChanged> changes,
    TimeProvider time,
    ILogger<MaintenanceAlertRecorder> logger)
{

    /// <summary>Records the alert; false when it no longer applies or was already recorded.</summary>
    public async Task<bool> RecordAsync(MaintenanceAlert alert, EscalationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var now = time.GetUtcNow();
        if (now < alert.DueAt)
        {
            throw new InvalidOperationException($"Maintenance alert {alert.Key} is due at {alert.DueAt:O}, not before");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notice = await db.MaintenanceNotices.AsNoTracking().Include(n => n.Carrier).Include(n => n.Sites).ThenInclude(s => s.Site)
            .SingleOrDefaultAsync(n => n.Id == alert.NoticeId, cancellationToken);
        if (notice is null || !MaintenanceAlert.For(notice).Any(a => a.Kind == alert.Kind && a.DueAt == alert.DueAt)
            || await db.MaintenanceAlerts.AnyAsync(a => a.NoticeId == alert.NoticeId && a.Kind == alert.Kind && a.DueAt == alert.DueAt, cancellationToken))
        {
            return false;
        }

        var overrun = alert.Kind == MaintenanceAlertKind.Overrun;
        var sites = notice.AllSites ? "全部站点" : string.Join("、", notice.Sites.Select(s => s.Site?.Name).Order(StringComparer.Ordinal));
        var title = overrun
            ? $"割接超时：{notice.Number}（{notice.Carrier!.ShortName}）"
            : $"割接报备待审批：{notice.Number}（{notice.Carrier!.ShortName}）";
        var body = overrun
            ? $"{sites} 的作业已到计划结束时间 {ChinaTime.Format(notice.EndsAt)} 仍未完成，已记为超时作业。"
            : $"{sites} 的作业计划于 {ChinaTime.Format(notice.StartsAt)} 开始，距开始不足30分钟仍未审批。";
        var users = await RecipientsAsync(db, overrun, notice.CarrierId, cancellationToken);
        var record = new MaintenanceAlertRecord
        {
            NoticeId = notice.Id, Kind = alert.Kind, DueAt = alert.DueAt, RecordedAt = now, Source = source, NotifiedUsers = users.Count,
        };
        db.MaintenanceAlerts.Add(record);
        var path = $"/maintenance/{Uri.EscapeDataString(notice.Number)}";
        db.Notifications.AddRange(users.Select(u => new Notification { UserId = u, Title = title, Body = body, Link = path, CreatedAt = now }));
        if (overrun)
        {
            CarrierViolations.Add(db, notice.CarrierId, CarrierViolationKind.Overrun, alert.DueAt, notice.Sites.Select(s => s.SiteId), notice.Id, null,
                $"{notice.Number} 到计划结束时间 {ChinaTime.Format(notice.EndsAt)} 仍在作业", "system", now);
        }

        var deliveries = new List<NotificationDelivery>();
        var outbound = channels.Where(c => c.IsEnabled).ToList();
        if (outbound.Count > 0)
        {
            var message = new OutboundMessage(Guid.Empty, notice.Number, OutboundMessage.MaintenanceKind, title, body,
                $"{links.Value.PublicBaseUrl.TrimEnd('/')}{path}", now,
                overrun && notice.Carrier.ManagerMobile.Length > 0 ? [notice.Carrier.ManagerMobile] : [], Level: alert.Kind.ToString(), DueAt: alert.DueAt,
                LatenessMs: (long)(now - alert.DueAt).TotalMilliseconds);
            var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
            deliveries.AddRange(outbound.Select(c => new NotificationDelivery { Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now }));
            db.NotificationDeliveries.AddRange(deliveries);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            // Another run recorded it first: exactly once.
            return false;
        }

        logger.LogInformation("Maintenance alert {Kind} for {Number} due {DueAt:O} recorded ({Source}); {Users} notified in-app",
            alert.Kind, notice.Number, alert.DueAt, source, users.Count);
        foreach (var delivery in deliveries)
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        }

        if (users.Count > 0)
        {
            inApp.Publish(new NotificationsArrived(users.ToHashSet()));
        }

        changes.Publish(new MaintenanceChanged(notice.Id, notice.Number, notice.CarrierId));
        return true;
    }

    private static async Task<List<string>> RecipientsAsync(AppDbContext db, bool overrun, int carrierId, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == AppRoles.Ops || (overrun && r.Name == AppRoles.Carrier && u.CarrierId == carrierId)
               select u.Id).Distinct().ToListAsync(cancellationToken);
}
