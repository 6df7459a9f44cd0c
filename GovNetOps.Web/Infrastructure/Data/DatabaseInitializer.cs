using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Applies migrations (never EnsureCreated), switches a SQLite file to WAL, checks the data
/// against the configuration (a failed check stops the app with its message), then seeds.
/// Runs as the first hosted service, so the app does not listen before its schema exists. On PostgreSQL the
/// instances starting together take turns (an advisory lock), so two never migrate or seed at once.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsPostgreSql && Path.GetDirectoryName(settings.FullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        if (settings.IsPostgreSql)
        {
            // The lock below lives in the database, so the database must exist first.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await DatabaseEngine.EnsurePostgreSqlDatabaseAsync(db, cancellationToken);
        }
        await using var startupLock = await DatabaseEngine.LockSessionAsync(settings, DatabaseEngine.Locks.Startup, cancellationToken);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.IsPostgreSql())
            {
                // Before anything writes: every change from now on notifies the other instances when it commits.
                await Events.PostgreSqlClusterEvents.InstallAsync(db, cancellationToken);
            }
            else
            {
                // WAL lets the board read while an operator writes; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        logger.LogInformation("Database ready at {Path}", settings.Describe());

        foreach (var check in scope.ServiceProvider.GetServices<IDatabaseCheck>())
        {
            await check.CheckAsync(cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Something that verifies the migrated database against the configuration before anything
/// else uses it; throws an <see cref="InvalidOperationException"/> naming what to fix to stop the app.</summary>
public interface IDatabaseCheck
{
    Task CheckAsync(CancellationToken cancellationToken);
}

/// <summary>Something that fills the database after migrations (demo data, the first admin).</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
