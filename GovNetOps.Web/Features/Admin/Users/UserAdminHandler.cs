using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using T = GovNetOps.Web.Resources.Accounts;

namespace GovNetOps.Web.Features.Admin.Users;

/// <summary>User administration (issue 14), authorised on the server against the account as it is now. 三员分立:
/// ordinary accounts (Ops, Carrier, Leader) are the system administrator's; the administrators' accounts and every
/// grant or removal of an administrator role are the security administrator's, except while the bootstrap is
/// incomplete, when the system administrator creates the first security and audit administrators
/// (<see cref="AdministratorSeparation"/>); unlocks are the security administrator's. Nobody changes their own
/// account here, and the last enabled system administrator can be neither disabled nor moved to another role.
/// Every change is audited (<see cref="ChangeLog"/>) in the transaction that makes it, and every change that takes
/// something away updates the security stamp, so open sessions are refused within <see cref="CurrentActors.CacheWindow"/>.</summary>
public sealed partial class UserAdminHandler(
    IServiceScopeFactory scopes,
    CurrentActors actors,
    AdministratorSeparation separation,
    ChangeLog changeLog,
    TimeProvider time,
    ILogger<UserAdminHandler> logger)
{
    private const string EntityType = "User";

    /// <summary>Every account, administrators first, then by user name. Null when the caller may not see the list.</summary>
    public async Task<IReadOnlyList<UserRow>?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Users, cancellationToken))
        {
            return null;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).OfType<string>().Order(StringComparer.Ordinal).First());
        var rows = await db.Users.AsNoTracking().Include(u => u.Carrier).ToListAsync(cancellationToken);
        return rows
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, roleOf.GetValueOrDefault(u.Id), u.CarrierId, u.Carrier?.ShortName,
                ContactNumber.Mask(u.PhoneNumber), u.IsDisabled, u.LockoutEnabled && u.LockoutEnd > now, u.MustChangePassword, u.TwoFactorEnabled))
            .OrderBy(r => r.Role is { } role && AppRoles.Administrators.Contains(role) ? 0 : 1)
            .ThenBy(r => r.UserName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The roles <paramref name="user"/> may give a new or existing account now (for the forms).</summary>
    public async Task<IReadOnlyList<string>> GrantableRolesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return [];
        }
        var bootstrap = !await separation.IsCompleteAsync(cancellationToken);
        return AppRoles.All.Where(r => MayGrant(actor.Role, r, bootstrap)).ToList();
    }

    /// <summary>Creates an account with a temporary password the user must change at first sign-in.</summary>
    public async Task<Result<TemporaryPassword>> CreateAsync(NewUser input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.Users, cancellationToken))
        {
            return Result<TemporaryPassword>.Fail(T.NotAllowed);
        }
        var displayName = input.DisplayName.Trim();
        var userName = input.UserName.Trim();
        if (displayName.Length is 0 or > 32)
        {
            return Result<TemporaryPassword>.Fail(T.DisplayNameInvalid);
        }

        if (!UserNamePattern().IsMatch(userName))
        {
            return Result<TemporaryPassword>.Fail(T.UserNameInvalid);
        }

        var mobile = ContactNumber.Normalise(input.Mobile);
        if (mobile is null || mobile.Length != 11)
        {
            return Result<TemporaryPassword>.Fail(T.MobileInvalid);
        }
        if (input.Role is null || !AppRoles.All.Contains(input.Role))
        {
            return Result<TemporaryPassword>.Fail(T.RoleRequired);
        }
        if (!MayGrant(actor.Role, input.Role, !await separation.IsCompleteAsync(cancellationToken)))
        {
            return Refuse<TemporaryPassword>(actor, "create", userName, input.Role);
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var carrier = await CheckCarrierAsync(db, input.Role, input.CarrierId, cancellationToken);
        if (!carrier.IsSuccess)
        {
            return Result<TemporaryPassword>.Fail(carrier.Error!);
        }
        if (await users.FindByNameAsync(userName) is not null)
        {
            return Result<TemporaryPassword>.Fail(string.Format(CultureInfo.CurrentCulture, T.UserNameTaken, userName));
        }

        var password = NewTemporaryPassword();
        var account = new ApplicationUser
        {
            UserName = userName, DisplayName = displayName, PhoneNumber = mobile, CarrierId = carrier.Value, MustChangePassword = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(account, password));
        Check(await users.AddToRoleAsync(account, input.Role));
        changeLog.Add(db, actor, EntityType, account.Id, Describe(account), "Create", null, Snapshot(account, input.Role));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("{Admin} created user {User} as {Role}", actor.UserId, userName, input.Role);
        return Result<TemporaryPassword>.Ok(new TemporaryPassword(userName, password));
    }

    /// <summary>Gives an account another role (and, for a Carrier, its one carrier). Its sessions are revoked.</summary>
    public Task<Result> ChangeRoleAsync(string userId, string? role, int? carrierId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, userId, "ChangeRole", async (ctx, account, current) =>
        {
            if (role is null || !AppRoles.All.Contains(role))
            {
                return Result.Fail(T.RoleRequired);
            }
            // Taking an administrator role away is the security administrator's too, whatever the new role.
            var removesAdministrator = current is not null && AppRoles.Administrators.Contains(current);
            if (!MayGrant(ctx.Actor.Role, role, ctx.Bootstrap) && !(removesAdministrator && ctx.Actor.Role == Role.SecurityAdmin))
            {
                return Refuse(ctx.Actor, "grant", account.UserName, removesAdministrator ? current : role);
            }
            if (current == AppRoles.SystemAdmin && role != AppRoles.SystemAdmin && await ctx.IsLastSystemAdminAsync(account))
            {
                return Result.Fail(T.LastSystemAdmin);
            }
            var carrier = await CheckCarrierAsync(ctx.Db, role, carrierId, cancellationToken);
            if (!carrier.IsSuccess)
            {
                return carrier;
            }
            if (current is not null)
            {
                Check(await ctx.Users.RemoveFromRoleAsync(account, current));
            }
            Check(await ctx.Users.AddToRoleAsync(account, role));
            account.CarrierId = carrier.Value;
            return Result.Ok();
        }, cancellationToken);

    /// <summary>停用: the account can no longer sign in and its open sessions are refused.</summary>
    public Task<Result> DisableAsync(string userId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, userId, "Disable", async (ctx, account, current) =>
        {
            if (account.IsDisabled)
            {
                return Result.Fail(T.AlreadyDisabled);
            }
            if (current == AppRoles.SystemAdmin && await ctx.IsLastSystemAdminAsync(account))
            {
                return Result.Fail(T.LastSystemAdmin);
            }
            account.IsDisabled = true;
            return Result.Ok();
        }, cancellationToken);

    /// <summary>启用 a disabled account again (with the password it had).</summary>
    public Task<Result> EnableAsync(string userId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, userId, "Enable", (_, account, _) =>
        {
            if (!account.IsDisabled)
            {
                return Task.FromResult(Result.Fail(T.NotDisabled));
            }
            account.IsDisabled = false;
            return Task.FromResult(Result.Ok());
        }, cancellationToken);

    /// <summary>A new temporary password; the user must change it at the next sign-in. Open sessions are revoked.</summary>
    public async Task<Result<TemporaryPassword>> ResetPasswordAsync(string userId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var password = NewTemporaryPassword();
        string? userName = null;
        var result = await ChangeAsync(user, userId, "ResetPassword", async (ctx, account, _) =>
        {
            Check(await ctx.Users.RemovePasswordAsync(account));
            Check(await ctx.Users.AddPasswordAsync(account, password));
            account.MustChangePassword = true;
            userName = account.UserName;
            return Result.Ok();
        }, cancellationToken);
        return result.IsSuccess ? Result<TemporaryPassword>.Ok(new TemporaryPassword(userName!, password)) : Result<TemporaryPassword>.Fail(result.Error!);
    }

    /// <summary>解锁: ends a lockout after too many wrong passwords (the security administrator's).</summary>
    public Task<Result> UnlockAsync(string userId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        AsSecurityAdministratorAsync(userId, user, "unlock", async (db, users, account, actor) =>
        {
            if (account.LockoutEnd is null || account.LockoutEnd <= time.GetUtcNow())
            {
                return Result.Fail(T.NotLockedOut);
            }
            var before = new Dictionary<string, string?> { ["lockedUntil"] = ChinaTime.Format(account.LockoutEnd.Value) };
            Check(await users.SetLockoutEndDateAsync(account, null));
            Check(await users.ResetAccessFailedCountAsync(account));
            changeLog.Add(db, actor, EntityType, account.Id, Describe(account), "Unlock", before, new Dictionary<string, string?> { ["lockedUntil"] = null });
            return Result.Ok();
        }, cancellationToken);

    /// <summary>重置双因素: a person who lost the phone and the recovery codes enrols again at next sign-in (the security
    /// administrator's, never on its own account). The old key and codes stop working and the person's open sessions
    /// end (the security stamp changes).</summary>
    public Task<Result> ResetSecondFactorAsync(string userId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        AsSecurityAdministratorAsync(userId, user, "second-factor reset", async (db, users, account, actor) =>
        {
            if (actor.UserId == account.Id)
            {
                return Result.Fail(T.NotAllowed);
            }
            if (!account.TwoFactorEnabled)
            {
                return Result.Fail(T.NoSecondFactor);
            }
            Check(await users.SetTwoFactorEnabledAsync(account, false));
            Check(await users.ResetAuthenticatorKeyAsync(account));
            Check(await users.RemoveAuthenticationTokenAsync(account, "[AspNetUserStore]", "RecoveryCodes"));
            changeLog.Add(db, actor, EntityType, account.Id, Describe(account), "ResetMfa",
                new Dictionary<string, string?> { ["twoFactor"] = "true" }, new Dictionary<string, string?> { ["twoFactor"] = "false" });
            return Result.Ok();
        }, cancellationToken);

    // The frame of the security administrator's changes to an account: who may, the account, one transaction with its
    // change record, and the account's cached read forgotten.
    private async Task<Result> AsSecurityAdministratorAsync(string userId, ClaimsPrincipal user, string what,
        Func<AppDbContext, UserManager<ApplicationUser>, ApplicationUser, Actor, Task<Result>> change, CancellationToken cancellationToken)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || actor.Role != Role.SecurityAdmin)
        {
            logger.LogWarning("Refused {What} of {Target} by {User}", what, userId, user.Identity?.Name);
            return Result.Fail(T.NotAllowed);
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } account)
        {
            return Result.Fail(T.NoSuchUser);
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change(db, users, account, actor);
        if (!result.IsSuccess)
        {
            return result;
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        actors.Forget(account.Id);
        return result;
    }

    private sealed record ChangeContext(Actor Actor, bool Bootstrap, AppDbContext Db, UserManager<ApplicationUser> Users)
    {
        public async Task<bool> IsLastSystemAdminAsync(ApplicationUser account) =>
            !(await Users.GetUsersInRoleAsync(AppRoles.SystemAdmin)).Any(u => u.Id != account.Id && !u.IsDisabled);
    }

    // The common frame of a change to an existing account: who may touch it, the change, the audit record and a new
    // security stamp, all in one transaction.
    private async Task<Result> ChangeAsync(
        ClaimsPrincipal user, string userId, string action,
        Func<ChangeContext, ApplicationUser, string?, Task<Result>> change, CancellationToken cancellationToken)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.Users, cancellationToken))
        {
            return Result.Fail(T.NotAllowed);
        }
        if (actor.UserId == userId)
        {
            return Result.Fail(T.NotYourself);
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return Result.Fail(T.NoSuchUser);
        }
        var current = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).FirstOrDefault();
        var bootstrap = !await separation.IsCompleteAsync(cancellationToken);
        if (!MayManage(actor.Role, current))
        {
            return Refuse(actor, action, account.UserName, current);
        }
        var before = Snapshot(account, current);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var done = await change(new ChangeContext(actor, bootstrap, db, users), account, current);
        if (!done.IsSuccess)
        {
            return done;
        }
        Check(await users.UpdateAsync(account));
        Check(await users.UpdateSecurityStampAsync(account));
        var after = Snapshot(account, (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).FirstOrDefault());
        changeLog.Add(db, actor, EntityType, account.Id, Describe(account), action, before, after);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        actors.Forget(account.Id); // this instance refuses (or re-admits) the account at once; others within the cache window
        logger.LogInformation("{Admin} did {Action} on user {User}", actor.UserId, action, account.UserName);
        return Result.Ok();
    }

    /// <summary>Whether <paramref name="by"/> may give <paramref name="role"/> to an account (三员分立).</summary>
    public static bool MayGrant(Role by, string role, bool bootstrap) =>
        AppRoles.Administrators.Contains(role)
            ? by == Role.SecurityAdmin || (bootstrap && by == Role.SystemAdmin && role != AppRoles.SystemAdmin)
            : by == Role.SystemAdmin;

    /// <summary>Whether <paramref name="by"/> may change an account that now holds <paramref name="role"/>: the
    /// administrators' accounts are the security administrator's, the others the system administrator's.</summary>
    public static bool MayManage(Role by, string? role) =>
        role is not null && AppRoles.Administrators.Contains(role) ? by == Role.SecurityAdmin : by == Role.SystemAdmin;

    private Result Refuse(Actor actor, string action, string? userName, string? role)
    {
        logger.LogWarning("Refused {Action} of {Target} ({Role}) by {User} ({ActorRole})", action, userName, role, actor.UserId, actor.Role);
        return Result.Fail(role is not null && AppRoles.Administrators.Contains(role) ? T.AdminRolesAreSecurityAdmins : T.OrdinaryAccountsAreSystemAdmins);
    }

    private Result<TValue> Refuse<TValue>(Actor actor, string action, string? userName, string? role) =>
        Result<TValue>.Fail(Refuse(actor, action, userName, role).Error!);

    // A Carrier user belongs to exactly one active carrier; nobody else belongs to one.
    private static async Task<Result<int?>> CheckCarrierAsync(AppDbContext db, string role, int? carrierId, CancellationToken cancellationToken)
    {
        if (role != AppRoles.Carrier)
        {
            return Result<int?>.Ok(null);
        }
        if (carrierId is null || !await db.Carriers.AnyAsync(c => c.Id == carrierId, cancellationToken))
        {
            return Result<int?>.Fail(T.CarrierRequired);
        }
        return Result<int?>.Ok(carrierId);
    }

    private static Dictionary<string, string?> Snapshot(ApplicationUser account, string? role) => new()
    {
        ["displayName"] = account.DisplayName,
        ["userName"] = account.UserName,
        ["mobile"] = ContactNumber.Mask(account.PhoneNumber),
        ["role"] = role,
        ["carrierId"] = account.CarrierId?.ToString(CultureInfo.InvariantCulture),
        ["disabled"] = account.IsDisabled ? "true" : "false",
        ["mustChangePassword"] = account.MustChangePassword ? "true" : "false",
    };

    private static string Describe(ApplicationUser account) => $"{account.DisplayName}（{account.UserName}）";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>16 characters from all four classes, from the cryptographic generator.</summary>
    internal static string NewTemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "!@#$%*?";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,31}$")]
    private static partial Regex UserNamePattern();
}
