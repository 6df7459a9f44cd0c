using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The provider seam: the few things SQLite and PostgreSQL do differently, decided by the context's own
/// provider, so callers never test the engine themselves. SQLite runs in one process, where a process-wide lock is
/// the whole story; PostgreSQL may have several app instances, which serialise through advisory locks.</summary>
public static class DatabaseEngine
{
    /// <summary>Advisory lock keys (one 64-bit space per database). Fixed numbers: every instance must use the same.</summary>
    public static class Locks
    {
        /// <summary>Appending ticket events: read the chain's last hash, number new tickets, commit.</summary>
        public const long TicketWrites = 0x476F764E_00000001;

        /// <summary>Migrating and seeding at start-up.</summary>
        public const long Startup = 0x476F764E_00000002;

        /// <summary>Installing Hangfire's schema. Not <see cref="Startup"/>: the storage may be built while this instance
        /// holds that one (a seeder queueing a job), and would then wait for itself.</summary>
        public const long JobSchema = 0x476F764E_00000004;

        /// <summary>Rebuilding the escalation schedule at start-up and the safety sweep: once per cluster.</summary>
        public const long EscalationPlanner = 0x476F764E_00000003;

        /// <summary>Appending to the security log: read its last hash, append, sign the head, commit.</summary>
        public const long SecurityLogWrites = 0x476F764E_00000014;

        /// <summary>Reading and rewriting one ticket's escalation plan. Per ticket: the high half is "GovP" (never one of
        /// the fixed "GovN" keys above), the low half a hash of the ticket id (two tickets sharing a hash only wait for
        /// each other).</summary>
        public static long EscalationPlan(Guid ticketId) => Space(0x476F7650, ticketId);

        /// <summary>Recording one ticket's escalation steps: re-check what is recorded, insert, commit ("GovR").</summary>
        public static long EscalationRecording(Guid ticketId) => Space(0x476F7652, ticketId);

        private static long Space(uint space, Guid id)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes);
            var hash = BitConverter.ToUInt32(bytes) ^ BitConverter.ToUInt32(bytes[4..]) ^ BitConverter.ToUInt32(bytes[8..]) ^ BitConverter.ToUInt32(bytes[12..]);
            return (long)(((ulong)space << 32) | hash);
        }
    }

    public static bool IsPostgreSql(this AppDbContext db) => db.Database.IsNpgsql();

    /// <summary>True when a save failed on a UNIQUE or primary-key constraint (someone else inserted the same key
    /// first), on either engine.</summary>
    /// <summary>After rows were inserted with explicit ids (the demo carriers keep ids 1–3), moves PostgreSQL's
    /// identity sequence of <typeparamref name="TEntity"/>'s table past the largest id, so that the next row the
    /// app adds gets a free id (left alone, the sequence handed out 1 again: a duplicate-key error read as "name
    /// taken"). SQLite's rowid needs nothing.</summary>
    public static async Task SyncIdentityAsync<TEntity>(AppDbContext db, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        if (!db.IsPostgreSql())
        {
            return;
        }
        var table = db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!;
        // The table name comes from the model, never from input; PostgreSQL needs it as a literal for pg_get_serial_sequence.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"), false)",
            cancellationToken);
#pragma warning restore EF1002
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555 or 19,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Inside the caller's transaction: waits for <paramref name="key"/> and holds it until that transaction
    /// ends, across every instance on the database (PostgreSQL). On SQLite the database has one writer and the
    /// caller's in-process lock is enough, so nothing is done.</summary>
    public static async Task LockForTransactionAsync(AppDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db.IsPostgreSql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
    }

    /// <summary>Like <see cref="LockForTransactionAsync(AppDbContext, long, CancellationToken)"/> for several keys at once
    /// (one round trip), taken in ascending order so that two transactions wanting overlapping sets never deadlock.
    /// Returns false on SQLite, where nothing is taken.</summary>
    public static async Task<bool> LockForTransactionAsync(AppDbContext db, IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        if (!db.IsPostgreSql())
        {
            return false;
        }

        var sorted = keys.Distinct().Order().ToArray();
        // unnest yields the array's elements in order, and each lock is taken as its row is produced.
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(k)) FROM unnest({sorted}) AS k", cancellationToken);
        return true;
    }

    /// <summary>Creates the PostgreSQL database when it does not exist yet (the first instance of a new deployment);
    /// another instance creating it at the same moment is fine.</summary>
    public static async Task EnsurePostgreSqlDatabaseAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    /// <summary>Holds <paramref name="key"/> for the lifetime of the returned handle on its own connection (start-up
    /// work that several instances must not do at once). A no-op handle on SQLite.</summary>
    public static async Task<IAsyncDisposable> LockSessionAsync(DatabaseOptions options, long key, CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql)
        {
            return NoLock.Instance;
        }

        var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new SessionLock(connection, key);
    }

    /// <summary>Takes <paramref name="key"/> if no other instance holds it, and holds it for the lifetime of the returned
    /// handle; null when another instance has it (it does the work). Always granted on SQLite (one process).</summary>
    public static async Task<DatabaseLease?> TryLockSessionAsync(DatabaseOptions options, long key, CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql)
        {
            return new DatabaseLease(null, key);
        }

        var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new DatabaseLease(connection, key);
            }
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A session advisory lock held on its own connection for as long as an instance leads some work (SQLite:
    /// always held, one process). If the instance dies, PostgreSQL drops the lock with the connection and another
    /// instance takes it over.</summary>
    public sealed class DatabaseLease : IAsyncDisposable
    {
        private readonly NpgsqlConnection? _connection;
        private readonly SessionLock? _lock;

        internal DatabaseLease(NpgsqlConnection? connection, long key)
        {
            _connection = connection;
            _lock = connection is null ? null : new SessionLock(connection, key);
        }

        /// <summary>False once the lock's connection is gone (server restart, network drop): the lock went with it.</summary>
        public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            if (_connection is null)
            {
                return true;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", _connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        public ValueTask DisposeAsync() => _lock?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Unlocks and closes; if the instance dies instead, PostgreSQL drops the lock with the connection.</summary>
    private sealed class SessionLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection.State == ConnectionState.Open)
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    command.Parameters.AddWithValue("key", key);
                    await command.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
