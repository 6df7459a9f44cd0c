using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace GovNetOps.Benchmarks;

/// <summary>The real app in-process (Development: demo carriers, sites and users) over a temp SQLite file.</summary>
internal sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("govnetops-bench-").FullName;
    public string DatabasePath => Path.Combine(Folder, "govnetops.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        // Logging every intake at Information would be measured too.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
