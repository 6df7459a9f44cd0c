using System.Globalization;

namespace GovNetOps.Benchmarks;

/// <summary>The app instances a benchmark drives: one over a fresh SQLite file by default, or with
/// <c>--provider postgresql [--connection "Host=…;Username=…"] [--instances N]</c> N instances sharing one fresh
/// PostgreSQL database (the server from <c>--connection</c> or <c>GOVNETOPS_BENCH_POSTGRES</c>).</summary>
internal sealed class BenchmarkCluster : IAsyncDisposable
{
    private BenchmarkCluster(List<BenchmarkApp> apps, string? postgreSql)
    {
        Apps = apps;
        PostgreSql = postgreSql;
    }

    public IReadOnlyList<BenchmarkApp> Apps { get; }

    /// <summary>The first instance (it created and migrated the database).</summary>
    public BenchmarkApp First => Apps[0];

    /// <summary>The shared database's connection string on PostgreSQL, else null (SQLite).</summary>
    public string? PostgreSql { get; }

    /// <summary>What the cluster runs on, for the printout (no password).</summary>
    public string Description => PostgreSql is null
        ? "SQLite, one instance"
        : $"PostgreSQL ({new Npgsql.NpgsqlConnectionStringBuilder(PostgreSql) { Password = null }.ConnectionString}), {Apps.Count} instances sharing it";

    public static BenchmarkCluster Start(string[] args, bool kestrel = false)
    {
        var postgreSql = Text(args, "--provider") is { } provider && provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            ? FreshDatabase(Text(args, "--connection") ?? Environment.GetEnvironmentVariable("GOVNETOPS_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("--provider postgresql needs --connection \"Host=…;Username=…\" or GOVNETOPS_BENCH_POSTGRES"))
            : null;
        var count = postgreSql is null ? 1 : Math.Max(1, Option(args, "--instances", 1));
        var apps = new List<BenchmarkApp>();
        for (var i = 0; i < count; i++)
        {
            // One after the other: the first creates and migrates the database.
            var instance = new BenchmarkApp(kestrel, postgreSql);
            instance.CreateClient().Dispose(); // start: migrate, seed, Hangfire server
            apps.Add(instance);
        }
        return new BenchmarkCluster(apps, postgreSql);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = Apps.Count - 1; i >= 0; i--)
        {
            await Apps[i].DisposeAsync();
        }
    }

    private static string FreshDatabase(string server) =>
        new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"bench_{Guid.NewGuid():N}", MaxPoolSize = 60 }.ConnectionString;

    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
