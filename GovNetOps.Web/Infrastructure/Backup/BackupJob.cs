using Hangfire;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Backup;

/// <summary>The nightly backup as a Hangfire recurring job (<see cref="BackupOptions.TimeOfDay"/>, China time).</summary>
public sealed class BackupJob(DatabaseBackup backup)
{
    public const string RecurringJobId = "database-backup";

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken) => await backup.TakeAsync(cancellationToken);
}

/// <summary>Registers the nightly job and, at start-up, takes a backup when the last good one is older than a day (or
/// there is none): an app that was down over its backup time, or a first start, has a backup within moments.</summary>
internal sealed class BackupStartup(DatabaseBackup backup, IServiceScopeFactory scopes, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var scope = scopes.CreateScope();
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        if (!backup.Applies)
        {
            recurring.RemoveIfExists(BackupJob.RecurringJobId);
            return;
        }

        recurring.AddOrUpdate<BackupJob>(BackupJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.Value.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") });
        if (backup.LastGood() is { } last && time.GetUtcNow() - last.TakenAt < TimeSpan.FromDays(1))
        {
            return;
        }

        try
        {
            await backup.TakeAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The start-up backup failed; the nightly job tries again at {Time}", options.Value.TimeOfDay);
        }
    }
}
