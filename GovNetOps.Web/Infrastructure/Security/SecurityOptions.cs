using GovNetOps.Domain.Security;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Section <c>Security</c>: lockout and the first administrator outside Development.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public int MaxFailedAccessAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an open page (a Blazor circuit) is checked against its account. With the handlers' 2 s
    /// account cache (<see cref="CurrentActors.CacheWindow"/>) the default signs a revoked page out within 4 s; the
    /// handlers refuse its actions within 2 s whatever this is.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Created at start-up when no administrator exists (outside Development the
    /// app refuses to start without one). Set through environment variables, e.g.
    /// <c>Security__BootstrapAdmin__UserName</c> and <c>Security__BootstrapAdmin__Password</c>.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Section <c>Security:Passwords</c>: the password rules until the security administrator saves their own.</summary>
    public PasswordRuleOptions Passwords { get; set; } = new();

    /// <summary>Section <c>Security:Sessions</c>: the idle sign-out until the security administrator saves their own.</summary>
    public SessionRuleOptions Sessions { get; set; } = new();

    /// <summary>Section <c>Security:Mfa</c>: second factor (authenticator app codes).</summary>
    public MfaRuleOptions Mfa { get; set; } = new();

    /// <summary>The policy these defaults describe.</summary>
    public AccountPolicy DefaultPolicy() => new()
    {
        MinimumLength = Passwords.MinimumLength,
        RequiredClasses = Passwords.RequiredCharacterClasses,
        History = Passwords.History,
        MaxAgeDays = Passwords.MaxAgeDays,
        IdleTimeout = Sessions.IdleTimeout,
        IdleWarning = Sessions.IdleWarning,
        MfaRequiredForAdministrators = Mfa.RequiredForAdministrators,
    };
}

public sealed class PasswordRuleOptions
{
    public int MinimumLength { get; set; } = 8;
    public int RequiredCharacterClasses { get; set; } = 3;
    public int History { get; set; } = 5;
    public int MaxAgeDays { get; set; } = 90;
}

public sealed class MfaRuleOptions
{
    /// <summary>The three administrators must enrol an authenticator app before they can do anything (等保 8.1.4.1 d);
    /// others may enrol. The default until the security administrator saves the policy on /admin/security. Off in the
    /// Development demo only (appsettings.Development.json), so its demo logins need no phone.</summary>
    public bool RequiredForAdministrators { get; set; } = true;

    /// <summary>The issuer the authenticator app shows beside the account.</summary>
    public string Issuer { get; set; } = "GovNetOps 桐柏县电子政务外网";
}

public sealed class SessionRuleOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan IdleWarning { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Refuses to start with password or session defaults below the 等保 baseline or that make no sense, naming
/// the setting and its allowed range.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var p = options.Passwords;
        var s = options.Sessions;
        var failures = new List<string>();
        if (p.MinimumLength is < AccountPolicy.MinimumLengthFloor or > AccountPolicy.MinimumLengthCeiling)
        {
            failures.Add($"Security:Passwords:MinimumLength is {p.MinimumLength}; it must be from {AccountPolicy.MinimumLengthFloor} to {AccountPolicy.MinimumLengthCeiling}.");
        }
        if (p.RequiredCharacterClasses is < AccountPolicy.ClassesFloor or > 4)
        {
            failures.Add($"Security:Passwords:RequiredCharacterClasses is {p.RequiredCharacterClasses}; it must be {AccountPolicy.ClassesFloor} or 4 (of upper case, lower case, digit, symbol).");
        }
        if (p.History is < 0 or > AccountPolicy.HistoryCeiling)
        {
            failures.Add($"Security:Passwords:History is {p.History}; it must be from 0 to {AccountPolicy.HistoryCeiling}.");
        }
        if (p.MaxAgeDays is < 1 or > AccountPolicy.MaxAgeCeilingDays)
        {
            failures.Add($"Security:Passwords:MaxAgeDays is {p.MaxAgeDays}; it must be from 1 to {AccountPolicy.MaxAgeCeilingDays}.");
        }
        if (s.IdleTimeout <= TimeSpan.Zero || s.IdleTimeout > AccountPolicy.IdleTimeoutCeiling)
        {
            failures.Add($"Security:Sessions:IdleTimeout is {s.IdleTimeout}; it must be more than 0 and at most {AccountPolicy.IdleTimeoutCeiling}.");
        }
        if (s.IdleWarning <= TimeSpan.Zero || s.IdleWarning >= s.IdleTimeout)
        {
            failures.Add($"Security:Sessions:IdleWarning is {s.IdleWarning}; it must be more than 0 and less than Security:Sessions:IdleTimeout ({s.IdleTimeout}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "系统管理员";
}
