using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The security log's settings, in section <c>Security</c> beside the account settings: the chain key (kept
/// OUTSIDE the database: environment variable <c>Security__LogKey</c>), how long entries stay in the database, and
/// where older ones are archived.</summary>
public sealed class SecurityLogOptions
{
    public const string Section = "Security";

    /// <summary>The fewest days the log may keep entries in the database (GB/T 22239-2019: at least six months).</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>The fewest characters of <see cref="LogKey"/>.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The secret both hash chains (the security log and the ticket events) are keyed with (HMAC-SHA256).
    /// Whoever can write the database but does not have it cannot rewrite a chain consistently. Required outside
    /// Development; Development reads a fixed, public development key from appsettings.Development.json.</summary>
    public string? LogKey { get; set; }

    /// <summary>Days an entry stays in the database before the daily archive moves it to a file (at least 180).</summary>
    public int LogRetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>Folder of the archive files (relative paths are relative to the database file's folder).</summary>
    public string LogArchiveFolder { get; set; } = "security-log-archive";
}

/// <summary>Refuses to start with a missing or short key outside Development, or a retention under 180 days.</summary>
internal sealed class SecurityLogOptionsValidator(IHostEnvironment environment) : IValidateOptions<SecurityLogOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityLogOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LogKey))
        {
            failures.Add(environment.IsDevelopment()
                ? "Security:LogKey is empty: appsettings.Development.json should carry the development key."
                : "Security:LogKey is not set: set the environment variable Security__LogKey to a secret of at least 32 characters (kept outside the database; see README).");
        }
        else if (options.LogKey.Trim().Length < SecurityLogOptions.MinimumKeyLength)
        {
            failures.Add($"Security:LogKey is {options.LogKey.Trim().Length} characters; it must have at least {SecurityLogOptions.MinimumKeyLength}.");
        }

        if (options.LogRetentionDays < SecurityLogOptions.MinimumRetentionDays)
        {
            failures.Add($"Security:LogRetentionDays is {options.LogRetentionDays}; the security log must be kept at least {SecurityLogOptions.MinimumRetentionDays} days.");
        }

        if (string.IsNullOrWhiteSpace(options.LogArchiveFolder))
        {
            failures.Add("Security:LogArchiveFolder is empty: name the folder the archived security log is written to.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
