using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Support;

/// <summary>The real app over a real SQLite file in a fresh temp folder — or, when the run is on PostgreSQL
/// (<see cref="TestProvider"/>) or a test asks for it, over a fresh PostgreSQL database. Development by
/// default (demo data and accounts); <see cref="UseRealServer"/> puts it on Kestrel for a browser.
/// Every log line is kept in <see cref="Logs"/>; <see cref="Diagnostics"/> says what the jobs and the log
/// looked like, for the message of a test that timed out waiting for the app.</summary>
public sealed class GovNetOpsFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public GovNetOpsFactory(string environment = "Development", bool realServer = false, string? postgreSqlConnectionString = null)
    {
        EnvironmentName = environment;
        PostgreSqlConnectionString = postgreSqlConnectionString ?? (TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null);
        if (realServer)
        {
            UseKestrel(0);
        }
    }

    public string EnvironmentName { get; }

    /// <summary>The PostgreSQL database of this app, or null on SQLite.</summary>
    public string? PostgreSqlConnectionString { get; }

    public string DatabasePath => Path.Combine(_folder, "govnetops.db");
    public Dictionary<string, string?> Settings { get; } = new();
    public TimeProvider? Time { get; set; }

    /// <summary>The clock of session idleness (<see cref="GovNetOps.Web.Infrastructure.Security.SessionClock"/>), when a test moves it.</summary>
    public TimeProvider? SessionTime { get; set; }
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Path", DatabasePath);
        // The start-up backup is off unless a test turns it on (Settings["Backup:Enabled"]): BackupFacts test it.
        builder.UseSetting("Backup:Enabled", "false");
        // Administrators sign in with a password only unless a test requires the second factor (MfaFacts, MfaBrowserFacts).
        builder.UseSetting("Security:Mfa:RequiredForAdministrators", "false");
        if (EnvironmentName != "Development")
        {
            // Outside Development the app refuses to start without the chains' key (kept outside the database): a test's
            // own, unless the test sets another (or none) in Settings.
            builder.UseSetting("Security:LogKey", "test-only-security-log-key-0123456789abcdef");
        }
        if (PostgreSqlConnectionString is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", PostgreSqlConnectionString);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            if (Time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(Time));
            }
            if (SessionTime is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(new GovNetOps.Web.Infrastructure.Security.SessionClock(SessionTime)));
            }
        });
    }

    /// <summary>A principal as the sign-in issues it for <paramref name="userName"/>: the account's claims and a started
    /// session (the app is started first).</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> SessionPrincipalAsync(string userName)
    {
        CreateClient().Dispose();
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GovNetOps.Web.Infrastructure.Data.ApplicationUser>>().FindByNameAsync(userName);
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<GovNetOps.Web.Infrastructure.Data.ApplicationUser>>().CreateAsync(user!);
        var session = await Services.GetRequiredService<GovNetOps.Web.Infrastructure.Security.IdleSessions>().StartAsync(user!.Id);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(GovNetOps.Web.Infrastructure.Security.AppClaims.SessionId, session));
        return principal;
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

    /// <summary>Hangfire's counts, its failed jobs and the tail of the app's log.</summary>
    public string Diagnostics()
    {
        var lines = new List<string>();
        try
        {
            var monitor = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var stats = monitor.GetStatistics();
            lines.Add($"Hangfire: {stats.Servers} servers, {stats.Enqueued} enqueued, {stats.Scheduled} scheduled, {stats.Processing} processing, {stats.Succeeded} succeeded, {stats.Failed} failed");
            lines.AddRange(monitor.Queues().Select(q => $"  queue {q.Name}: {q.Length} waiting, {q.Fetched ?? 0} fetched"));
            lines.AddRange(monitor.ProcessingJobs(0, 20).Select(j => $"  processing {j.Key} {j.Value.Job?.Method.DeclaringType?.Name}.{j.Value.Job?.Method.Name} since {j.Value.StartedAt:HH:mm:ss.fff}"));
            lines.AddRange(monitor.FailedJobs(0, 10).Select(j => $"  failed {j.Key} {j.Value.Job?.Method.DeclaringType?.Name}: {j.Value.ExceptionType}: {j.Value.ExceptionMessage}"));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            lines.Add($"Hangfire: not available ({ex.Message})");
        }
        lines.Add("Log (last lines, Information and above):");
        lines.Add(Logs.Tail());
        return string.Join(Environment.NewLine, lines);
    }

    public AppDbContext NewDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgreSqlConnectionString is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
