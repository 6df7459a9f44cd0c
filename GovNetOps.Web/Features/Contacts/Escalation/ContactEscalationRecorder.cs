using System.Globalization;
using System.Text.Json;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Contacts.Escalation;

/// <summary>Carries out an overdue re-registration escalation (Article 6): re-checks it against the site's contacts and
/// the calendar in force, stores it once (the unique key on the stopped contact decides), notifies every Ops user in-app
/// and queues the outbound deliveries (webhook / e-mail) in the same transaction, then rings the bells.</summary>
public sealed class ContactEscalationRecorder(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> links,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp,
    TimeProvider time,
    ILogger<ContactEscalationRecorder> logger)
{
    /// <summary>Outbound message kind; the message's number field holds the site's name.</summary>
    public const string Kind = "SecurityContact";

    /// <summary>True when this call stored the escalation; false when it is not due yet, no longer applies (a successor
    /// was registered, the calendar moved the deadline, the site was retired) or was stored before.</summary>
    public async Task<bool> RecordAsync(ContactEscalation escalation, EscalationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var now = time.GetUtcNow();
        if (now < escalation.DueAt)
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == escalation.SiteId, cancellationToken);
        var contacts = await db.SecurityContacts.AsNoTracking().Where(c => c.SiteId == escalation.SiteId).ToListAsync(cancellationToken);
        var calendar = calendars.Current;
        if (site is null || ContactEscalation.For(site.IsActive, contacts, calendar) != escalation
            || await db.ContactEscalations.AnyAsync(r => r.ContactId == escalation.ContactId, cancellationToken))
        {
            return false;
        }

        var stopped = contacts.Single(c => c.Id == escalation.ContactId);
        var due = SecurityContactRule.DueAfter(calendar, stopped.StoppedOn!.Value);
        var (title, body) = Message(site.Name, stopped, due);
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == AppRoles.Ops
                           select u.Id).Distinct().ToListAsync(cancellationToken);
        db.ContactEscalations.Add(new ContactEscalationRecord
        {
            SiteId = site.Id, ContactId = stopped.Id, DueAt = escalation.DueAt, RecordedAt = now,
            LatenessMs = (long)(now - escalation.DueAt).TotalMilliseconds, Source = source, NotifiedUsers = users.Count,
        });
        var path = $"/admin/sites/{site.Id.ToString(CultureInfo.InvariantCulture)}";
        db.Notifications.AddRange(users.Select(u => new Notification { UserId = u, Title = title, Body = body, Link = path, CreatedAt = now }));
        var message = new OutboundMessage(Guid.Empty, site.Name, Kind, title, body, $"{links.Value.PublicBaseUrl.TrimEnd('/')}{path}", now, [],
            Level: "Overdue", DueAt: escalation.DueAt, LatenessMs: (long)(now - escalation.DueAt).TotalMilliseconds);
        var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
        var deliveries = channels.Where(c => c.IsEnabled)
            .Select(c => new NotificationDelivery { Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now }).ToList();
        db.NotificationDeliveries.AddRange(deliveries);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            // Another run recorded it first: exactly once.
            return false;
        }

        logger.LogInformation("Security contact re-registration for {Site} due {DueAt:O} escalated {Lateness} ms late ({Source}); {Users} Ops users notified",
            site.Name, escalation.DueAt, (long)(now - escalation.DueAt).TotalMilliseconds, source, users.Count);
        foreach (var delivery in deliveries)
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        }

        if (users.Count > 0)
        {
            inApp.Publish(new NotificationsArrived(users.ToHashSet()));
        }

        return true;
    }

    /// <summary>"安全联系人逾期未重新登记：城关镇政府", with who stopped, when, and the deadline (provisional when the
    /// count crossed a year whose notice is not entered).</summary>
    public static (string Title, string Body) Message(string siteName, SecurityContact stopped, ReRegistrationDue due)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        ArgumentNullException.ThrowIfNull(due);
        var title = $"安全联系人逾期未重新登记：{siteName}";
        var body = $"{siteName} 的安全联系人 {stopped.Name} 已于 {stopped.StoppedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 停止担任，"
            + $"按第六条应在 1 个工作日内（{ChinaTime.Format(due.DueAt)} 前）重新登记，至今未登记。请督促该单位报送新的安全联系人。"
            + (due.IsProvisional ? "（截止时间跨越尚未录入节假日安排的年份，为暂定。）" : "");
        return (title, body);
    }
}
