namespace GovNetOps.Domain.Security;

/// <summary>The password and session rules in force (GB/T 22239-2019 8.1.4.1 a/b/d): the security administrator sets
/// them; the defaults are the console's baseline (8 characters with 3 of 4 classes, no reuse of the last 5, a change
/// every 90 days, sign-out after 30 idle minutes with a warning a minute before).</summary>
public sealed record AccountPolicy
{
    /// <summary>The shortest minimum length the policy may set (8.1.4.1 a).</summary>
    public const int MinimumLengthFloor = 8;
    /// <summary>The longest minimum length the policy may set.</summary>
    public const int MinimumLengthCeiling = 64;
    /// <summary>The fewest character classes the policy may require.</summary>
    public const int ClassesFloor = 3;
    /// <summary>The most past passwords the policy may refuse (and the most an account's history keeps).</summary>
    public const int HistoryCeiling = 24;
    /// <summary>The longest a password may last under any policy.</summary>
    public const int MaxAgeCeilingDays = 365;

    /// <summary>The longest idle time the policy may allow.</summary>
    public static readonly TimeSpan IdleTimeoutCeiling = TimeSpan.FromHours(2);

    /// <summary>The fewest characters a password may have.</summary>
    public int MinimumLength { get; init; } = 8;

    /// <summary>How many of the four character classes (upper case, lower case, digit, symbol) a password must mix.</summary>
    public int RequiredClasses { get; init; } = 3;

    /// <summary>How many of the account's most recent passwords (the current one included) may not be chosen again.</summary>
    public int History { get; init; } = 5;

    /// <summary>Days a password lasts; then the account must choose a new one at its next sign-in or page.</summary>
    public int MaxAgeDays { get; init; } = 90;

    /// <summary>An interactive session with no keyboard, mouse or touch for this long is signed out.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long before the idle sign-out the page warns.</summary>
    public TimeSpan IdleWarning { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the three administrators must sign in with a second factor (8.1.4.1 d); others may always.</summary>
    public bool MfaRequiredForAdministrators { get; init; } = true;

    /// <summary>Whether a password set at <paramref name="changedAt"/> has expired at <paramref name="now"/>; a password
    /// whose age is unknown (set before ages were kept) has not.</summary>
    public bool IsExpired(DateTimeOffset? changedAt, DateTimeOffset now) =>
        changedAt is { } at && now - at >= TimeSpan.FromDays(MaxAgeDays);
}

/// <summary>The four character classes of 8.1.4.1 a) (口令应有复杂度要求).</summary>
[Flags]
public enum CharacterClasses
{
    /// <summary>No character of any class.</summary>
    None = 0,
    /// <summary>A to Z.</summary>
    Upper = 1,
    /// <summary>a to z.</summary>
    Lower = 2,
    /// <summary>0 to 9.</summary>
    Digit = 4,
    /// <summary>Any other printable character.</summary>
    Symbol = 8,
}

/// <summary>How a password is measured against <see cref="AccountPolicy"/>.</summary>
public static class PasswordRules
{
    /// <summary>The classes <paramref name="password"/> draws from: ASCII letters and digits, and any other printable
    /// character (punctuation, a space, a Chinese character) as a symbol.</summary>
    public static CharacterClasses ClassesOf(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var classes = CharacterClasses.None;
        foreach (var c in password)
        {
            classes |= c switch
            {
                >= 'A' and <= 'Z' => CharacterClasses.Upper,
                >= 'a' and <= 'z' => CharacterClasses.Lower,
                >= '0' and <= '9' => CharacterClasses.Digit,
                _ when char.IsControl(c) => CharacterClasses.None,
                _ => CharacterClasses.Symbol,
            };
        }
        return classes;
    }

    /// <summary>How many of the four classes <paramref name="password"/> uses.</summary>
    public static int ClassCount(string password) => System.Numerics.BitOperations.PopCount((uint)ClassesOf(password));
}
