using System.Security.Claims;
using System.Security.Cryptography;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Signed-in sessions and their last activity (等保 8.1.4.1 b: 登录连接超时自动退出). A session starts at sign-in,
/// is touched by page requests and by the browser's activity reports (<c>wwwroot/js/idle.js</c>), and ends at sign-out
/// or when it has been idle for the policy's <see cref="Domain.Security.AccountPolicy.IdleTimeout"/>; an idle
/// session cannot be touched back to life. <see cref="CurrentActors"/> refuses a principal whose session is gone or idle.</summary>
public sealed class IdleSessions(
    IDbContextFactory<AppDbContext> factory,
    AccountPolicyStore policies,
    SessionClock clock,
    CurrentActors actors,
    SecurityLog.SecurityEvents log,
    ILogger<IdleSessions> logger)
{
    /// <summary>The security log's detail of a session that timed out.</summary>
    public const string IdleDetail = "空闲超时，会话已结束";

    /// <summary>Ends every session idle past the policy's time-out whose page did not sign it out (a closed browser, a
    /// sleeping PC) and records each in the security log as timed out, once: a session is logged by the call whose
    /// delete removed it. Run every minute by <see cref="IdleSessionSweep"/>; returns how many ended.</summary>
    public async Task<int> ExpireIdleAsync(CancellationToken cancellationToken = default)
    {
        var policy = await policies.CurrentAsync(cancellationToken);
        var alive = clock.GetUtcNow() - policy.IdleTimeout;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var idle = await db.UserSessions.AsNoTracking().Where(s => s.LastActivityAt <= alive)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, s.UserId, s.LastActivityAt, u.UserName })
            .ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var session in idle)
        {
            // Touched meanwhile (LastActivityAt moved) or ended by another instance: not this call's to log.
            if (await db.UserSessions.Where(s => s.Id == session.Id && s.LastActivityAt == session.LastActivityAt).ExecuteDeleteAsync(cancellationToken) != 1)
            {
                continue;
            }
            ended++;
            actors.Forget(session.UserId);
            var roles = await db.UserRoles.Where(r => r.UserId == session.UserId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync(cancellationToken);
            await log.RecordAsync(SecurityEventKind.SessionExpired, SecurityOutcome.Success, session.UserId, session.UserName ?? "",
                string.Join(',', roles.Order(StringComparer.Ordinal)), "session", IdleDetail, cancellationToken: cancellationToken);
        }
        return ended;
    }

    /// <summary>A new session for <paramref name="userId"/>, saved; its id goes into the cookie. Sessions of the user idle
    /// for longer than the longest idle time-out any policy allows are cleared away.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stale = now - Domain.Security.AccountPolicy.IdleTimeoutCeiling;
        await db.UserSessions.Where(s => s.UserId == userId && s.LastActivityAt < stale).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSessionRecord { Id = id, UserId = userId, StartedAt = now, LastActivityAt = now });
        await db.SaveChangesAsync(cancellationToken);
        actors.Forget(userId);
        return id;
    }

    /// <summary>Records activity of the principal's session; the time left before it idles out, or null when the session
    /// has ended or is already idle (then nothing is recorded).</summary>
    public async Task<TimeSpan?> TouchAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.GetSessionId() is not { } id || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }
        var policy = await policies.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var alive = now - policy.IdleTimeout;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var touched = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.LastActivityAt > alive)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, now), cancellationToken);
        actors.Forget(userId);
        return touched == 1 ? policy.IdleTimeout : null;
    }

    /// <summary>Ends the principal's session (sign-out): a copy of its cookie opens nothing afterwards.</summary>
    public async Task EndAsync(ClaimsPrincipal user, string reason, CancellationToken cancellationToken = default)
    {
        if (user.GetSessionId() is not { } id || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        actors.Forget(userId);
        logger.LogInformation("Session of {User} ended: {Reason}", user.Identity?.Name, reason);
    }
}

/// <summary>Ends idle sessions nobody signed out, every minute on the session clock (<see cref="IdleSessions.ExpireIdleAsync"/>).</summary>
internal sealed class IdleSessionSweep(IdleSessions sessions, SessionClock clock, ILogger<IdleSessionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await Timing.Ticks.NextTickAsync(clock.Time, Interval, stoppingToken))
        {
            try
            {
                await sessions.ExpireIdleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Ending idle sessions failed; the next minute tries again");
            }
        }
    }
}
