using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovNetOps.Tests.Support;

/// <summary>The real app over a real SQLite file in a fresh temp folder. Development by
/// default (demo data and accounts); <see cref="UseRealServer"/> puts it on Kestrel for a browser.</summary>
public sealed class GovNetOpsFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public GovNetOpsFactory(string environment = "Development", bool realServer = false)
    {
        EnvironmentName = environment;
        if (realServer) UseKestrel(0);
    }

    public string EnvironmentName { get; }
    public string DatabasePath => Path.Combine(_folder, "govnetops.db");
    public Dictionary<string, string?> Settings { get; } = new();
    public TimeProvider? Time { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Path", DatabasePath);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            if (Time is not null) services.Replace(ServiceDescriptor.Singleton(Time));
        });
    }

    /// <summary>Base address of the Kestrel server (after <c>StartServer()</c>).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    public AppDbContext NewDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
