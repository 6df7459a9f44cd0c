using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>EF Core over one SQLite file: a factory for short-lived contexts (Blazor circuits),
    /// and a scoped context for ASP.NET Core Identity's request pipeline.</summary>
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((o, c) => o.BaseFolder = c[Hosting.RootAppSettings.FolderKey] ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDbContextFactory<AppDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(db.ConnectionString());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<Audit.ChangeLog>();
        // Sign-in cookies survive a restart: keys live beside the database, not in the user profile.
        services.AddDataProtection().SetApplicationName("GovNetOps");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<DatabaseOptions>>((o, db) => o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetDirectoryName(db.Value.FullPath)!, "keys")), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
