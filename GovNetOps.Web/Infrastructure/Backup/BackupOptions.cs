using System.ComponentModel.DataAnnotations;

namespace GovNetOps.Web.Infrastructure.Backup;

/// <summary>The nightly online backup of the SQLite database (<c>Backup</c> in appsettings.json). On PostgreSQL the
/// database server is backed up with its own tools (pg_dump / base backups) and this job does not run.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Backup";

    /// <summary>Off only where something else backs the file up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the backup files; relative to the database file's folder. Put it on another disk in production.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>When the nightly backup runs, China time (default 02:30).</summary>
    public TimeOnly TimeOfDay { get; set; } = new(2, 30);

    /// <summary>The recurring job's cron, in China time.</summary>
    public string Cron => $"{TimeOfDay.Minute} {TimeOfDay.Hour} * * *";

    /// <summary>The newest backup of each of this many most recent days is kept.</summary>
    public int KeepDaily { get; set; } = 14;

    /// <summary>The newest backup of each of this many most recent months is kept as well.</summary>
    public int KeepMonthly { get; set; } = 12;

    /// <summary>/health reports Degraded when the last good backup is older than this (or there is none).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(26);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Folder))
        {
            yield return new ValidationResult("Backup:Folder is required", [nameof(Folder)]);
        }

        if (KeepDaily < 1)
        {
            yield return new ValidationResult("Backup:KeepDaily must be at least 1", [nameof(KeepDaily)]);
        }

        if (KeepMonthly < 0)
        {
            yield return new ValidationResult("Backup:KeepMonthly must not be negative", [nameof(KeepMonthly)]);
        }

        if (MaxAge <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Backup:MaxAge must be positive", [nameof(MaxAge)]);
        }
    }
}
