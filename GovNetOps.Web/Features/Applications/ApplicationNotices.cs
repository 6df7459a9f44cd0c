using System.Text.Json;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Applications;

/// <summary>Who hears about an application.</summary>
[Flags]
public enum ApplicationAudience
{
    None = 0,
    Ops = 1,
    Carrier = 2,
    Leadership = 4,
}

/// <summary>Sends application notices through the existing channels: the in-app bell of each recipient and the outbound
/// outbox (<see cref="NotificationDelivery"/>, webhook / e-mail), both written into the caller's context so they are
/// saved with what they report; <see cref="AfterCommit"/> then queues the sends and rings the bells.</summary>
public sealed class ApplicationNotices(
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> options,
    IBackgroundJobClient jobs,
    Notifier<NotificationsArrived> inApp)
{
    /// <summary>The outbound message kind of application notices.</summary>
    public const string Kind = "Application";

    /// <summary>The app-relative address of an application's page.</summary>
    public static string Path(string number) => $"/applications/{Uri.EscapeDataString(number)}";

    /// <summary>Adds the notices to <paramref name="db"/>; returns what to hand to <see cref="AfterCommit"/>.</summary>
    public async Task<Written> AddAsync(
        AppDbContext db, NetworkApplicationRecord application, ApplicationAudience audience, string title, string body, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var roles = new List<string>();
        if (audience.HasFlag(ApplicationAudience.Ops))
        {
            roles.Add(AppRoles.Ops);
        }

        if (audience.HasFlag(ApplicationAudience.Leadership))
        {
            roles.Add(AppRoles.Leader);
        }

        var carrierId = audience.HasFlag(ApplicationAudience.Carrier) ? application.CarrierId : null;
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where roles.Contains(r.Name!) || (carrierId != null && r.Name == AppRoles.Carrier && u.CarrierId == carrierId)
                           select u.Id).Distinct().ToListAsync(cancellationToken);
        var link = Path(application.Number);
        db.Notifications.AddRange(users.Select(id => new Notification { UserId = id, Title = title, Body = body, Link = link, CreatedAt = now }));
        var message = new OutboundMessage(application.Id, application.Number, Kind, title, body,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}{link}", now, []);
        var payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
        var deliveries = channels.Where(c => c.IsEnabled)
            .Select(c => new NotificationDelivery { Channel = c.Name, Payload = payload, State = DeliveryState.Pending, CreatedAt = now }).ToList();
        db.NotificationDeliveries.AddRange(deliveries);
        return new Written(users.ToHashSet(), deliveries);
    }

    /// <summary>Adds one in-app notice to every holder of <paramref name="role"/> (no outbound channel), leading to
    /// <paramref name="link"/>; returns what to hand to <see cref="AfterCommit"/>.</summary>
    public static async Task<Written> AddInAppAsync(
        AppDbContext db, string role, string title, string body, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == role && !u.IsDisabled
                           select u.Id).Distinct().ToListAsync(cancellationToken);
        db.Notifications.AddRange(users.Select(id => new Notification { UserId = id, Title = title, Body = body, Link = link, CreatedAt = now }));
        return new Written(users.ToHashSet(), []);
    }

    /// <summary>After the commit: queue the outbound sends, tell the bells.</summary>
    public void AfterCommit(Written written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var delivery in written.Deliveries)
        {
            jobs.Enqueue<NotificationDeliveryJob>(JobQueues.Default, j => j.RunAsync(delivery.Id, CancellationToken.None));
        }

        if (written.Users.Count > 0)
        {
            inApp.Publish(new NotificationsArrived(written.Users));
        }
    }

    /// <summary>What was added: the users notified in-app and the outbound deliveries.</summary>
    public sealed record Written(IReadOnlySet<string> Users, IReadOnlyList<NotificationDelivery> Deliveries);
}
