using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GovNetOps.Tests.Support;

/// <summary>The database provider the integration tests run on: <c>GOVNETOPS_TEST_PROVIDER=PostgreSql</c> runs them on
/// PostgreSQL (the README's test script does both), anything else on SQLite.</summary>
internal static class TestProvider
{
    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("GOVNETOPS_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A real PostgreSQL server for the tests: the one in <c>GOVNETOPS_TEST_POSTGRES</c> (a connection string of a
/// role that may create databases), or else one this test run starts itself in a temp folder (initdb + pg_ctl from
/// <c>/usr/lib/postgresql/*/bin</c> or <c>PG_BIN</c>; as <c>postgres</c> through runuser when running as root, which
/// PostgreSQL refuses), stopped when the run ends. A test that needs it fails — never skips — when it cannot start.</summary>
internal static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a fresh, not yet created database (the app creates and migrates it).</summary>
    public static string NewDatabase(string prefix = "t")
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.Value)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}",
            // Two app instances and a test's own contexts share one server of max_connections=300.
            MaxPoolSize = 40,
        };
        return builder.ConnectionString;
    }

    private static string StartServer()
    {
        if (Environment.GetEnvironmentVariable("GOVNETOPS_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } b ? b
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
                : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, PG_BIN or GOVNETOPS_TEST_POSTGRES); .ci/run installs it");
        }

        var folder = Path.Combine(Path.GetTempPath(), "govnetops-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres \"{folder}\"", asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), $"-D \"{data}\" -U postgres -A trust -E UTF8 --locale=C.UTF-8", asRoot);
        Run(Path.Combine(bin, "pg_ctl"),
            $"-D \"{data}\" -l \"{Path.Combine(folder, "log")}\" -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -w start",
            asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), $"-D \"{data}\" -m immediate stop", asRoot);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL for the tests: {file} {arguments} failed:\n{output.Result}\n{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
