using System.Globalization;
using GovNetOps.Domain.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Backup;

/// <summary>/health's "backup" entry: the age of the last good backup. Degraded (HTTP 200 still: a missing backup is
/// the operator's alarm, not a reason for a load balancer to drop the node) when there is none or it is older than
/// <see cref="BackupOptions.MaxAge"/>.</summary>
internal sealed class BackupHealthCheck(DatabaseBackup backup, IOptions<BackupOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!backup.Applies)
        {
            return Task.FromResult(HealthCheckResult.Healthy("not applicable: backups are off or the database is PostgreSQL"));
        }

        if (backup.LastGood() is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Degraded("no good backup yet in " + backup.Folder));
        }

        var age = time.GetUtcNow() - last.TakenAt;
        var data = new Dictionary<string, object>
        {
            ["lastBackup"] = Path.GetFileName(last.Path),
            ["takenAt"] = ChinaTime.ToChina(last.TakenAt).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            ["ageHours"] = Math.Round(age.TotalHours, 2),
            ["bytes"] = last.Bytes,
        };
        var description = string.Format(CultureInfo.InvariantCulture, "last good backup {0:0.##} h old", age.TotalHours);
        return Task.FromResult(age <= options.Value.MaxAge
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(description + $", older than {options.Value.MaxAge}", data: data));
    }
}
