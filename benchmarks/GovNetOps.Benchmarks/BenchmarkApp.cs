using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Benchmarks;

/// <summary>The real app in this process (so a benchmark can drive the services and read the server's
/// own memory and CPU), over a fresh SQLite file (or a PostgreSQL database several instances share), with the
/// Development demo accounts. On Kestrel when a
/// browser needs to reach it (<see cref="ServerAddress"/>).</summary>
internal sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    public BenchmarkApp(bool kestrel = true, string? postgreSql = null)
    {
        PostgreSql = postgreSql;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>The PostgreSQL connection string when the app runs on PostgreSQL (<c>--provider postgresql</c>), else null.</summary>
    public string? PostgreSql { get; }

    public string Folder { get; } = Directory.CreateTempSubdirectory("govnetops-bench-").FullName;
    public string DatabasePath => Path.Combine(Folder, "govnetops.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        if (PostgreSql is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", PostgreSql);
        }
        // Console logging per request would be measured as server work.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgreSql is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
