using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>How a sign-in cookie compares with the account as it is now.</summary>
public enum PrincipalStanding
{
    /// <summary>The cookie says what the account says.</summary>
    Current = 0,

    /// <summary>Still valid, but the account gained something since sign-in (a role, a new display name):
    /// the cookie should be re-issued from the account.</summary>
    Outdated = 1,

    /// <summary>Signed out, unknown user, disabled, locked out, security stamp changed, a role of the cookie removed or the
    /// carrier changed: nothing may be done or read with it.</summary>
    Revoked = 2,
}

/// <summary>Who a signed-in user is NOW: every handler resolves its <see cref="Actor"/> here rather than from the
/// cookie's claims from sign-in, so a removed role, a changed carrier, a lockout or a changed security stamp bites
/// within <see cref="CacheWindow"/> on open circuits as on new requests; so does a session's end or idleness
/// (<see cref="IdleSessions"/>). One database read per user per window.</summary>
/// <remarks>The cookie only identifies the user (and carries the stamp it was issued under); roles, carrier and
/// display name come from the database. A cookie is refused outright when the account took something away from it
/// (role, carrier) or invalidated it (stamp, lockout), so a revoked session sees nothing rather than a narrower view.</remarks>
public sealed class CurrentActors(
    IDbContextFactory<AppDbContext> factory,
    TimeProvider time,
    AccountPolicyStore policies,
    SessionClock sessionClock,
    IOptions<IdentityOptions> identity,
    ILogger<CurrentActors> logger,
    IServiceProvider services)
{
    /// <summary>How long one read of an account is trusted; with the circuits' revalidation interval it bounds how
    /// late a revocation can bite (see <see cref="RevalidatingIdentityAuthenticationStateProvider"/>).</summary>
    public static readonly TimeSpan CacheWindow = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>The domain actor for <paramref name="user"/> from the account's current roles, carrier and name;
    /// null when signed out or <see cref="PrincipalStanding.Revoked"/>.</summary>
    public async Task<Actor?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (standing, account) = await CheckAsync(user, cancellationToken);
        if (standing == PrincipalStanding.Revoked || account is null)
        {
            return null;
        }

        // A temporary password (new account, reset) or an expired one opens nothing until it is changed; an administrator
        // without a second factor nothing until it is enrolled.
        if (await MustChangeAsync(account, cancellationToken) || await MustEnrolAsync(account, cancellationToken))
        {
            return null;
        }

        var role = PrimaryRole(account.Roles.Contains);
        return role is null ? null : new Actor(account.Id, account.DisplayName, role.Value, account.CarrierId);
    }

    /// <summary>Whether the account, as it is now, passes the page policy <paramref name="policy"/> (see <see cref="AppPolicies"/>).
    /// A refusal is an access denial: it is written to the security log, naming the policy and the calling handler. Use
    /// <see cref="HoldsAsync"/> to ask without refusing (to show or hide a button).</summary>
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string policy, CancellationToken cancellationToken = default,
        [CallerMemberName] string action = "", [CallerFilePath] string caller = "")
    {
        if (await HoldsAsync(user, policy, cancellationToken))
        {
            return true;
        }

        if (user.Identity?.IsAuthenticated == true && services.GetService<SecurityLog.SecurityEvents>() is { } log)
        {
            await log.RecordAsync(Data.SecurityEventKind.AccessDenied, Data.SecurityOutcome.Denied, user,
                $"{policy}: {Path.GetFileNameWithoutExtension(caller.Replace('\\', '/'))}.{action}", SecurityLog.DenialSources.Handler, CancellationToken.None);
        }
        return false;
    }

    /// <summary>Whether the account, as it is now, passes <paramref name="policy"/>, without recording a refusal: for
    /// deciding what to show, never for authorising an action.</summary>
    public async Task<bool> HoldsAsync(ClaimsPrincipal user, string policy, CancellationToken cancellationToken = default)
    {
        var (standing, account) = await CheckAsync(user, cancellationToken);
        return standing != PrincipalStanding.Revoked && account is not null && !await MustChangeAsync(account, cancellationToken)
            && !await MustEnrolAsync(account, cancellationToken) && AppPolicies.Roles[policy].Any(account.Roles.Contains);
    }

    /// <summary>Whether a signed-in, not revoked principal still holds a temporary password, or one older than the
    /// policy's maximum age, that it must change first.</summary>
    public async Task<bool> MustChangePasswordAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (standing, account) = await CheckAsync(user, cancellationToken);
        return standing != PrincipalStanding.Revoked && account is not null && await MustChangeAsync(account, cancellationToken);
    }

    /// <summary>Whether a signed-in, not revoked administrator has yet to enrol the second factor the policy requires
    /// (<see cref="Domain.Security.AccountPolicy.MfaRequiredForAdministrators"/>).</summary>
    public async Task<bool> MustEnrolMfaAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (standing, account) = await CheckAsync(user, cancellationToken);
        return standing != PrincipalStanding.Revoked && account is not null && await MustEnrolAsync(account, cancellationToken);
    }

    private async Task<bool> MustEnrolAsync(Account account, CancellationToken cancellationToken) =>
        !account.TwoFactorEnabled && AppRoles.Administrators.Any(account.Roles.Contains)
        && (await policies.CurrentAsync(cancellationToken)).MfaRequiredForAdministrators;

    private async Task<bool> MustChangeAsync(Account account, CancellationToken cancellationToken) =>
        account.MustChangePassword || (await policies.CurrentAsync(cancellationToken)).IsExpired(account.PasswordChangedAt, time.GetUtcNow());

    /// <summary>Forgets the cached read of an account (after the account itself changed it, e.g. its own password).</summary>
    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    /// <summary>Forgets every cached read (after a policy change that decides who may act).</summary>
    public void ForgetAll() => _cache.Clear();

    /// <summary>The user id of a principal that is not revoked; null otherwise.</summary>
    public async Task<string?> UserIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (standing, account) = await CheckAsync(user, cancellationToken);
        return standing == PrincipalStanding.Revoked ? null : account?.Id;
    }

    /// <summary>How the cookie's principal compares with the account now (for the cookie and circuit validators).</summary>
    public async Task<PrincipalStanding> StandingAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await CheckAsync(user, cancellationToken)).Standing;

    /// <summary>The standing of many principals at once (the open pages' shared re-check, <see cref="CircuitRevalidator"/>):
    /// the accounts not read within <see cref="CacheWindow"/> are read in one query, then each principal is judged as
    /// <see cref="StandingAsync"/> judges it.</summary>
    public async Task<IReadOnlyList<PrincipalStanding>> StandingsAsync(IReadOnlyList<ClaimsPrincipal> users, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stale = users.Where(u => u.Identity?.IsAuthenticated == true).Select(u => u.FindFirstValue(ClaimTypes.NameIdentifier))
            .OfType<string>().Distinct(StringComparer.Ordinal).Where(id => !IsFresh(id, now)).ToList();
        if (stale.Count > 0)
        {
            var accounts = await ReadAsync(stale, cancellationToken);
            foreach (var id in stale)
            {
                _cache[id] = new Entry(now, accounts.GetValueOrDefault(id));
            }
        }

        var standings = new PrincipalStanding[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            standings[i] = (await CheckAsync(users[i], cancellationToken)).Standing;
        }
        return standings;
    }

    private async Task<(PrincipalStanding Standing, Account? Account)> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return (PrincipalStanding.Revoked, null);
        }
        var now = time.GetUtcNow();
        var account = await LoadAsync(id, now, cancellationToken);
        var refusal = Refusal(user, account, now) ?? await SessionRefusalAsync(user, account!, cancellationToken);
        if (refusal is not null)
        {
            logger.LogInformation("Refused the session of {User} ({Id}): {Reason}", user.Identity.Name, id, refusal);
            return (PrincipalStanding.Revoked, account);
        }
        var outdated = account!.Roles.Any(r => !user.IsInRole(r)) || account.DisplayName != user.FindFirstValue(AppClaims.DisplayName);
        return (outdated ? PrincipalStanding.Outdated : PrincipalStanding.Current, account);
    }

    // Why the cookie no longer counts, in words for the log; null while it does.
    private string? Refusal(ClaimsPrincipal user, Account? account, DateTimeOffset now)
    {
        if (account is null)
        {
            return "no such user";
        }

        if (account.IsDisabled)
        {
            return "disabled";
        }

        if (account.LockoutEnabled && account.LockoutEnd > now)
        {
            return "locked out";
        }

        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || stamp != account.SecurityStamp)
        {
            return "security stamp changed";
        }

        if (AppRoles.All.FirstOrDefault(r => user.IsInRole(r) && !account.Roles.Contains(r)) is { } removed)
        {
            return $"role {removed} removed";
        }

        if (user.GetCarrierId() != account.CarrierId)
        {
            return $"carrier changed from {Show(user.GetCarrierId())} to {Show(account.CarrierId)}";
        }
        return null;
    }

    // A cookie's session must exist and not be idle (principals built without a session, by the app's own jobs and
    // tests, are not sessions; the cookie validator refuses a cookie without one).
    private async Task<string?> SessionRefusalAsync(ClaimsPrincipal user, Account account, CancellationToken cancellationToken)
    {
        if (user.GetSessionId() is not { } session)
        {
            return null;
        }
        if (!account.Sessions.TryGetValue(session, out var lastActivity))
        {
            return "session ended";
        }
        var idle = sessionClock.GetUtcNow() - lastActivity;
        return idle >= (await policies.CurrentAsync(cancellationToken)).IdleTimeout ? $"idle for {idle:g}" : null;
    }

    // One role per actor; a person holding several acts in the first of these that they hold.
    private static Role? PrimaryRole(Func<string, bool> holds) =>
        holds(AppRoles.Ops) ? Role.Ops
        : holds(AppRoles.Carrier) ? Role.Carrier
        : holds(AppRoles.Leader) ? Role.Leader
        : holds(AppRoles.SystemAdmin) ? Role.SystemAdmin
        : holds(AppRoles.SecurityAdmin) ? Role.SecurityAdmin
        : holds(AppRoles.AuditAdmin) ? Role.AuditAdmin
        : holds(AppRoles.Display) ? Role.Display
        : null;

    private static string Show(int? carrierId) => carrierId?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private async Task<Account?> LoadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (IsFresh(id, now))
        {
            return _cache[id].Account;
        }
        var account = (await ReadAsync([id], cancellationToken)).GetValueOrDefault(id);
        _cache[id] = new Entry(now, account);
        return account;
    }

    private bool IsFresh(string id, DateTimeOffset now) =>
        _cache.TryGetValue(id, out var cached) && now - cached.LoadedAt < CacheWindow && now >= cached.LoadedAt;

    // The accounts of these users as they are now, in two queries whatever their number (unknown ids are absent).
    private async Task<Dictionary<string, Account>> ReadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.CarrierId, u.LockoutEnabled, u.LockoutEnd, u.SecurityStamp, u.IsDisabled, u.MustChangePassword, u.PasswordChangedAt, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name, StringComparer.Ordinal);
        var sessions = (await db.UserSessions.AsNoTracking().Where(s => ids.Contains(s.UserId))
                .Select(s => new { s.Id, s.UserId, s.LastActivityAt }).ToListAsync(cancellationToken))
            .ToLookup(s => s.UserId, StringComparer.Ordinal);
        return rows.ToDictionary(r => r.Id, r => new Account(r.Id, r.DisplayName,
            roles[r.Id].OfType<string>().ToHashSet(StringComparer.Ordinal), r.CarrierId, r.LockoutEnabled, r.LockoutEnd, r.SecurityStamp, r.IsDisabled, r.MustChangePassword, r.PasswordChangedAt, r.TwoFactorEnabled,
            sessions[r.Id].ToDictionary(x => x.Id, x => x.LastActivityAt, StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    private sealed record Entry(DateTimeOffset LoadedAt, Account? Account);

    private sealed record Account(
        string Id, string DisplayName, IReadOnlySet<string> Roles, int? CarrierId, bool LockoutEnabled, DateTimeOffset? LockoutEnd, string? SecurityStamp, bool IsDisabled, bool MustChangePassword,
        DateTimeOffset? PasswordChangedAt, bool TwoFactorEnabled, IReadOnlyDictionary<string, DateTimeOffset> Sessions);
}
