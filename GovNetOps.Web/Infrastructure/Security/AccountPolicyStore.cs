using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>The password and session rules in force: the security administrator's saved settings
/// (<see cref="SecuritySettingsRecord"/>), or the configured defaults until the first save. One read per
/// <see cref="CacheWindow"/>, so a change saved on another instance applies everywhere within seconds.</summary>
public sealed class AccountPolicyStore(IDbContextFactory<AppDbContext> factory, IOptions<SecurityOptions> options, TimeProvider time)
{
    public static readonly TimeSpan CacheWindow = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (DateTimeOffset At, AccountPolicy Policy)? _cached;

    /// <summary>The configured defaults (<c>Security:Passwords</c>, <c>Security:Sessions</c>).</summary>
    public AccountPolicy Defaults => options.Value.DefaultPolicy();

    public async Task<AccountPolicy> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } cached && now >= cached.At && now - cached.At < CacheWindow)
            {
                return cached.Policy;
            }
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SecuritySettingsRecord.SingletonId, cancellationToken);
        var policy = row is null ? Defaults : FromRecord(row);
        lock (_gate)
        {
            _cached = (now, policy);
        }
        return policy;
    }

    /// <summary>Forgets the cached policy (after this instance saved a new one).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }

    public static AccountPolicy FromRecord(SecuritySettingsRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AccountPolicy
        {
            MinimumLength = row.PasswordMinimumLength,
            RequiredClasses = row.PasswordRequiredClasses,
            History = row.PasswordHistory,
            MaxAgeDays = row.PasswordMaxAgeDays,
            IdleTimeout = TimeSpan.FromSeconds(row.IdleTimeoutSeconds),
            IdleWarning = TimeSpan.FromSeconds(row.IdleWarningSeconds),
            MfaRequiredForAdministrators = !row.MfaOptionalForAdministrators,
        };
    }
}
