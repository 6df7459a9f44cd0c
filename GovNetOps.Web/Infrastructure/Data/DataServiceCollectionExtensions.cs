using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>EF Core over one SQLite file (default) or a shared PostgreSQL database (<c>Database:Provider</c>): a
    /// factory for short-lived contexts (Blazor circuits), and a scoped context for ASP.NET Core Identity's request
    /// pipeline. Code asks for <see cref="AppDbContext"/> either way.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((o, c) => o.BaseFolder = c[Hosting.RootAppSettings.FolderKey] ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The very first hosted service (ahead of data protection's, which Razor components registered already): the
        // schema exists before anything else, the key ring in the database included, reads it.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseInitializer>());
        var provider = configuration.GetSection(DatabaseOptions.Section).GetValue(nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var dataProtection = services.AddDataProtection().SetApplicationName("GovNetOps");
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlAppDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<SecurityLog.ChangeRecordInterceptor>()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, PostgreSqlFactory>();
            // Every instance reads the cookies of every other: one key ring, in the shared database.
            dataProtection.PersistKeysToDbContext<PostgreSqlAppDbContext>();
            // Live updates across instances: triggers NOTIFY in the committing transaction, naming the writer's instance
            // (every connection of this one carries its name); one listener per instance brings the others' changes in.
            var instance = Guid.NewGuid().ToString("N");
            services.PostConfigure<DatabaseOptions>(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = Events.PostgreSqlClusterEvents.NameInstance(o.ConnectionString, instance);
                }
            });
            services.AddSingleton<Events.PostgreSqlClusterEvents>();
            services.AddHostedService(sp => sp.GetRequiredService<Events.PostgreSqlClusterEvents>());
            services.AddHealthChecks().AddCheck<Events.PostgreSqlClusterEvents>("cluster-events");
        }
        else
        {
            services.AddDbContextFactory<AppDbContext>((sp, options) =>
                options.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteConnectionString())
                    .AddInterceptors(sp.GetRequiredService<SecurityLog.ChangeRecordInterceptor>()));
            // Sign-in cookies survive a restart: keys live beside the database, not in the user profile.
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<IOptions<DatabaseOptions>>((o, db) => o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(Path.GetDirectoryName(db.Value.FullPath)!, "keys")), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<Audit.ChangeLog>();
        // Wakes the security log's mirror of change records (registered here: every context carries it).
        services.AddSingleton<SecurityLog.ChangeRecordInterceptor>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Hands out the PostgreSQL context wherever the app asks for an <see cref="AppDbContext"/>.</summary>
    private sealed class PostgreSqlFactory(IDbContextFactory<PostgreSqlAppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
