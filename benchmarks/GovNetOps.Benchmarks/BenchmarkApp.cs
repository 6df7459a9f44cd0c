using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace GovNetOps.Benchmarks;

/// <summary>The real app, in this process, over a fresh SQLite file, on the real clock.</summary>
internal sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govnetops-bench", Guid.NewGuid().ToString("N"));

    public BenchmarkApp() => Directory.CreateDirectory(_folder);

    public string DatabasePath => Path.Combine(_folder, "govnetops.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // the demo sites and accounts
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
