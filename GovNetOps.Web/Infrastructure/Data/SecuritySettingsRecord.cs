namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The password and session rules as the security administrator last saved them (one row, <see cref="SingletonId"/>).
/// Absent until the first save: the defaults of <c>Security:Passwords</c> and <c>Security:Sessions</c> apply.</summary>
public sealed class SecuritySettingsRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int PasswordMinimumLength { get; set; }
    public int PasswordRequiredClasses { get; set; }
    public int PasswordHistory { get; set; }
    public int PasswordMaxAgeDays { get; set; }
    public int IdleTimeoutSeconds { get; set; }
    public int IdleWarningSeconds { get; set; }

    /// <summary>Stored as the exception (false, the column's default, means required), so a row saved before the
    /// setting existed keeps the administrators' second factor required.</summary>
    public bool MfaOptionalForAdministrators { get; set; }
}

/// <summary>A password an account had (its hash, as Identity stores it), so the last few are not chosen again.</summary>
public sealed class PasswordHistoryRecord
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>One signed-in session (a sign-in cookie carries its <see cref="Id"/>): when it last saw keyboard, mouse
/// or touch. A session idle for longer than the policy's idle time-out is refused; signing out deletes it, so a copy
/// of the cookie is dead too.</summary>
public sealed class UserSessionRecord
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
}
