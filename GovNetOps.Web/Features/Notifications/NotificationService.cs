using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>The signed-in user's own in-app notifications; the user id always comes from the
/// server-side principal, so nobody reads or marks another person's messages.</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> factory, TimeProvider time, CurrentActors actors)
{
    /// <summary>Whose notifications a live update concerns (a page filters pushed events with it); reading and
    /// marking go through the account's current standing, so a revoked session reads nothing.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await actors.UserIdAsync(user, cancellationToken) is not { } id)
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(ClaimsPrincipal user, bool unreadOnly, int take = 100, CancellationToken cancellationToken = default)
    {
        if (await actors.UserIdAsync(user, cancellationToken) is not { } id)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == id);
        if (unreadOnly)
        {
            q = q.Where(n => n.ReadAt == null);
        }

        return await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Marks one notification (or, with null, all) of the user as read; returns how many changed.</summary>
    public async Task<int> MarkReadAsync(ClaimsPrincipal user, long? notificationId, CancellationToken cancellationToken = default)
    {
        if (await actors.UserIdAsync(user, cancellationToken) is not { } id)
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var q = db.Notifications.Where(n => n.UserId == id && n.ReadAt == null);
        if (notificationId is { } one)
        {
            q = q.Where(n => n.Id == one);
        }

        return await q.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
