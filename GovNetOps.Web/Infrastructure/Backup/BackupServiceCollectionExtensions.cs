namespace GovNetOps.Web.Infrastructure.Backup;

public static class BackupServiceCollectionExtensions
{
    /// <summary>The nightly online backup of the SQLite file, its retention and its /health entry.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatabaseBackup>();
        services.AddScoped<BackupJob>();
        services.AddHostedService<BackupStartup>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup");
        return services;
    }
}
