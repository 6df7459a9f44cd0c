using GovNetOps.Web.Infrastructure.Data;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace GovNetOps.Web.Infrastructure.Jobs;

/// <summary>Hangfire's storage in the app's PostgreSQL database (schema <c>hangfire</c>), shared by every instance.
/// The storage is built when the host is (before any hosted service runs), and Hangfire.PostgreSql's own schema
/// install is not safe against two instances starting together (one failed with 42703 on <c>counter.updatecount</c>),
/// so the database is created if missing and the schema installed here, under an advisory lock of its own.</summary>
internal static class PostgreSqlJobStorage
{
    public const string Schema = "hangfire";

    public static PostgreSqlStorage Create(DatabaseOptions database, JobsOptions jobs)
    {
        var connectionString = database.ConnectionString!;
        EnsureDatabase(connectionString);
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            Execute(connection, $"SELECT pg_advisory_lock({DatabaseEngine.Locks.JobSchema})");
            try
            {
                PostgreSqlObjectsInstaller.Install(connection, Schema);
            }
            finally
            {
                Execute(connection, $"SELECT pg_advisory_unlock({DatabaseEngine.Locks.JobSchema})");
            }
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = jobs.QueuePollInterval,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = jobs.DistributedLockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static void EnsureDatabase(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("Database:ConnectionString names no Database");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is not null)
        {
            return;
        }

        try
        {
            Execute(connection, $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago.
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
