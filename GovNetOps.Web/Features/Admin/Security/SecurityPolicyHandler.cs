using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using R = GovNetOps.Web.Resources.AccountRules;

namespace GovNetOps.Web.Features.Admin.Security;

/// <summary>The password and session rules as the security administrator edits them on <c>/admin/security</c>.</summary>
public sealed class SecurityPolicyInput
{
    public int MinimumLength { get; set; }
    public int RequiredClasses { get; set; }
    public int History { get; set; }
    public int MaxAgeDays { get; set; }
    public int IdleTimeoutMinutes { get; set; }
    public int IdleWarningSeconds { get; set; }
    public bool MfaRequiredForAdministrators { get; set; }

    public static SecurityPolicyInput From(AccountPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new()
        {
            MinimumLength = policy.MinimumLength,
            RequiredClasses = policy.RequiredClasses,
            History = policy.History,
            MaxAgeDays = policy.MaxAgeDays,
            IdleTimeoutMinutes = (int)Math.Ceiling(policy.IdleTimeout.TotalMinutes),
            IdleWarningSeconds = (int)policy.IdleWarning.TotalSeconds,
            MfaRequiredForAdministrators = policy.MfaRequiredForAdministrators,
        };
    }
}

/// <summary>What the page shows: the rules in force, whether they are the configured defaults, and their change history.</summary>
public sealed record SecurityPolicyView(AccountPolicy Policy, bool IsDefault, IReadOnlyList<ChangeRecord> History);

/// <summary>Reads and saves the password and session rules (安全管理员 only, checked on the server against the account
/// as it is now). A save is audited in the same SaveChanges (<see cref="ChangeLog"/>) and applies on this instance at
/// once, on the others within <see cref="AccountPolicyStore.CacheWindow"/>.</summary>
public sealed class SecurityPolicyHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    AccountPolicyStore policies,
    ChangeLog changeLog,
    ILogger<SecurityPolicyHandler> logger)
{
    public const string EntityType = "SecurityPolicy";
    public const int IdleTimeoutMaxMinutes = 120;
    public const int IdleWarningMinSeconds = 10;

    public async Task<SecurityPolicyView?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.SecurityPolicy, cancellationToken))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SecuritySettingsRecord.SingletonId, cancellationToken);
        var history = await db.ChangeRecords.AsNoTracking().Where(r => r.EntityType == EntityType)
            .OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
        return new SecurityPolicyView(row is null ? policies.Defaults : AccountPolicyStore.FromRecord(row), row is null, history);
    }

    public async Task<Result> SaveAsync(SecurityPolicyInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.SecurityPolicy, cancellationToken))
        {
            logger.LogWarning("Refused a security policy change by {User}", user?.Identity?.Name);
            return Result.Fail(Resources.Accounts.NotAllowed);
        }
        if (Check(input) is { } problem)
        {
            return Result.Fail(problem);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SecuritySettings.SingleOrDefaultAsync(s => s.Id == SecuritySettingsRecord.SingletonId, cancellationToken);
        var before = Snapshot(row is null ? policies.Defaults : AccountPolicyStore.FromRecord(row));
        if (row is null)
        {
            row = new SecuritySettingsRecord();
            db.SecuritySettings.Add(row);
        }
        row.PasswordMinimumLength = input.MinimumLength;
        row.PasswordRequiredClasses = input.RequiredClasses;
        row.PasswordHistory = input.History;
        row.PasswordMaxAgeDays = input.MaxAgeDays;
        row.IdleTimeoutSeconds = input.IdleTimeoutMinutes * 60;
        row.IdleWarningSeconds = input.IdleWarningSeconds;
        row.MfaOptionalForAdministrators = !input.MfaRequiredForAdministrators;
        var after = Snapshot(AccountPolicyStore.FromRecord(row));
        if (before.All(b => after[b.Key] == b.Value))
        {
            return Result.Fail(R.PolicyUnchanged);
        }
        changeLog.Add(db, actor, EntityType, SecuritySettingsRecord.SingletonId.ToString(CultureInfo.InvariantCulture), "密码与会话策略", "Updated", before, after);
        await db.SaveChangesAsync(cancellationToken);
        policies.Forget();
        actors.ForgetAll();
        logger.LogInformation("{User} changed the password and session policy", actor.UserId);
        return Result.Ok();
    }

    /// <summary>The first rule the input breaks, naming the field; null when it keeps every bound.</summary>
    public static string? Check(SecurityPolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MinimumLength is < AccountPolicy.MinimumLengthFloor or > AccountPolicy.MinimumLengthCeiling)
        {
            return string.Format(CultureInfo.CurrentCulture, R.MinimumLengthInvalid, AccountPolicy.MinimumLengthFloor, AccountPolicy.MinimumLengthCeiling);
        }
        if (input.RequiredClasses is < AccountPolicy.ClassesFloor or > 4)
        {
            return string.Format(CultureInfo.CurrentCulture, R.RequiredClassesInvalid, AccountPolicy.ClassesFloor);
        }
        if (input.History is < 0 or > AccountPolicy.HistoryCeiling)
        {
            return string.Format(CultureInfo.CurrentCulture, R.HistoryInvalid, AccountPolicy.HistoryCeiling);
        }
        if (input.MaxAgeDays is < 1 or > AccountPolicy.MaxAgeCeilingDays)
        {
            return string.Format(CultureInfo.CurrentCulture, R.MaxAgeInvalid, AccountPolicy.MaxAgeCeilingDays);
        }
        if (input.IdleTimeoutMinutes is < 1 or > IdleTimeoutMaxMinutes)
        {
            return string.Format(CultureInfo.CurrentCulture, R.IdleTimeoutInvalid, IdleTimeoutMaxMinutes);
        }
        if (input.IdleWarningSeconds < IdleWarningMinSeconds || input.IdleWarningSeconds >= input.IdleTimeoutMinutes * 60)
        {
            return string.Format(CultureInfo.CurrentCulture, R.IdleWarningInvalid, IdleWarningMinSeconds);
        }
        return null;
    }

    /// <summary>The rules as audited: field → value.</summary>
    public static Dictionary<string, string?> Snapshot(AccountPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new()
        {
            [nameof(AccountPolicy.MinimumLength)] = Show(policy.MinimumLength),
            [nameof(AccountPolicy.RequiredClasses)] = Show(policy.RequiredClasses),
            [nameof(AccountPolicy.History)] = Show(policy.History),
            [nameof(AccountPolicy.MaxAgeDays)] = Show(policy.MaxAgeDays),
            [nameof(AccountPolicy.IdleTimeout)] = Show((int)policy.IdleTimeout.TotalSeconds),
            [nameof(AccountPolicy.IdleWarning)] = Show((int)policy.IdleWarning.TotalSeconds),
            [nameof(AccountPolicy.MfaRequiredForAdministrators)] = policy.MfaRequiredForAdministrators ? "true" : "false",
        };
    }

    /// <summary>A field of <see cref="Snapshot"/> in the UI language.</summary>
    public static string FieldLabel(string field) => field switch
    {
        nameof(AccountPolicy.MinimumLength) => R.FieldMinimumLength,
        nameof(AccountPolicy.RequiredClasses) => R.FieldRequiredClasses,
        nameof(AccountPolicy.History) => R.FieldHistory,
        nameof(AccountPolicy.MaxAgeDays) => R.FieldMaxAgeDays,
        nameof(AccountPolicy.IdleTimeout) => R.FieldIdleTimeoutSeconds,
        nameof(AccountPolicy.IdleWarning) => R.FieldIdleWarningSeconds,
        nameof(AccountPolicy.MfaRequiredForAdministrators) => R.FieldMfaRequired,
        _ => field,
    };

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
