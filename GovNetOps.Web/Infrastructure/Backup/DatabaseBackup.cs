using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Backup;

/// <summary>One backup file: when it was taken and what it held when checked.</summary>
public sealed record BackupFile(string Path, DateTimeOffset TakenAt, long Bytes);

/// <summary>What one backup run did.</summary>
public sealed record BackupResult(BackupFile File, long Tickets, long TicketEvents, TimeSpan Took, IReadOnlyList<string> Pruned);

/// <summary>
/// Online backup of the SQLite database with <c>VACUUM INTO</c>: SQLite copies the database as one read transaction
/// sees it, so the copy is consistent while the app keeps writing (WAL mode lets writers go on meanwhile), and it is
/// compacted. The copy is written under a <c>.partial</c> name, checked (<c>PRAGMA integrity_check</c>, and the
/// ticket and event tables answer), and only then renamed to its final name: a file named
/// <c>govnetops-yyyyMMdd-HHmmssZ.db</c> is a good backup, whatever happened to the run that wrote it, and the newest
/// such file is "the last good backup" that /health reports. Retention then keeps the newest backup of each of the
/// last <see cref="BackupOptions.KeepDaily"/> days and of each of the last <see cref="BackupOptions.KeepMonthly"/>
/// months (China dates) and deletes the rest — only files of this naming, never anything else in the folder.
/// </summary>
public sealed class DatabaseBackup(IOptions<DatabaseOptions> database, IOptions<BackupOptions> options, TimeProvider time, ILogger<DatabaseBackup> logger)
{
    private const string Prefix = "govnetops-";
    private const string Extension = ".db";
    private const string PartialExtension = ".partial";
    private const string StampFormat = "yyyyMMdd-HHmmss";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>False on PostgreSQL (the server's own tools back it up) or when switched off.</summary>
    public bool Applies => options.Value.Enabled && !database.Value.IsPostgreSql;

    /// <summary>The backup folder, absolute.</summary>
    public string Folder => Path.GetFullPath(options.Value.Folder, Path.GetDirectoryName(database.Value.FullPath)!);

    /// <summary>Takes a backup now, checks it, then applies retention.</summary>
    public async Task<BackupResult> TakeAsync(CancellationToken cancellationToken = default)
    {
        if (!Applies)
        {
            throw new InvalidOperationException("Backups of the SQLite file are off (Backup:Enabled = false, or the database is PostgreSQL).");
        }

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var started = time.GetTimestamp();
            var takenAt = time.GetUtcNow();
            var final = Path.Combine(Folder, FileName(takenAt));
            var partial = final + PartialExtension;
            File.Delete(partial);
            await using (var source = new SqliteConnection(database.Value.SqliteConnectionString()))
            {
                await source.OpenAsync(cancellationToken);
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", partial);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            var (tickets, events) = await CheckAsync(partial, cancellationToken);
            File.Move(partial, final, overwrite: true);
            var file = new BackupFile(final, takenAt, new FileInfo(final).Length);
            var pruned = Prune();
            var took = time.GetElapsedTime(started);
            logger.LogInformation("Backup {File} taken in {Ms} ms: {Bytes} bytes, {Tickets} tickets, {Events} ticket events; {Pruned} old backups removed",
                final, (long)took.TotalMilliseconds, file.Bytes, tickets, events, pruned.Count);
            return new BackupResult(file, tickets, events, took, pruned);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The good backups in the folder, newest first.</summary>
    public IReadOnlyList<BackupFile> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, Prefix + "*" + Extension)
            .Select(path => TakenAtOf(path) is { } at ? new BackupFile(path, at, new FileInfo(path).Length) : null)
            .OfType<BackupFile>()
            .OrderByDescending(b => b.TakenAt)
            .ToList();
    }

    /// <summary>The newest good backup, or null.</summary>
    public BackupFile? LastGood() => List().FirstOrDefault();

    /// <summary>Which of <paramref name="backups"/> retention keeps: the newest of each of the last
    /// <paramref name="keepDaily"/> China dates that have a backup, and the newest of each of the last
    /// <paramref name="keepMonthly"/> China months.</summary>
    public static IReadOnlySet<BackupFile> Kept(IEnumerable<BackupFile> backups, int keepDaily, int keepMonthly)
    {
        var newestFirst = backups.OrderByDescending(b => b.TakenAt).ToList();
        var daily = newestFirst.GroupBy(b => ChinaTime.DateOf(b.TakenAt)).Take(keepDaily).Select(g => g.First());
        var monthly = newestFirst.GroupBy(b => { var d = ChinaTime.DateOf(b.TakenAt); return (d.Year, d.Month); }).Take(keepMonthly).Select(g => g.First());
        return daily.Concat(monthly).ToHashSet();
    }

    private List<string> Prune()
    {
        var all = List();
        var kept = Kept(all, options.Value.KeepDaily, options.Value.KeepMonthly);
        var pruned = new List<string>();
        foreach (var backup in all.Where(b => !kept.Contains(b)))
        {
            File.Delete(backup.Path);
            pruned.Add(Path.GetFileName(backup.Path));
        }

        // A run that died mid-copy leaves a .partial behind: never a backup, removed once it is a day old.
        foreach (var partial in Directory.EnumerateFiles(Folder, Prefix + "*" + Extension + PartialExtension))
        {
            if (File.GetLastWriteTimeUtc(partial) < time.GetUtcNow().UtcDateTime.AddDays(-1))
            {
                File.Delete(partial);
                pruned.Add(Path.GetFileName(partial));
            }
        }

        return pruned;
    }

    /// <summary>The copy is a sound SQLite database and its ticket tables answer; otherwise it never gets a final name.</summary>
    private static async Task<(long Tickets, long Events)> CheckAsync(string path, CancellationToken cancellationToken)
    {
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);
        var integrity = (string?)await Scalar(copy, "PRAGMA integrity_check", cancellationToken);
        if (integrity != "ok")
        {
            throw new InvalidOperationException($"The backup copy {path} failed its integrity check: {integrity}");
        }

        var tickets = Convert.ToInt64(await Scalar(copy, "SELECT COUNT(*) FROM FaultTickets", cancellationToken), CultureInfo.InvariantCulture);
        var events = Convert.ToInt64(await Scalar(copy, "SELECT COUNT(*) FROM TicketEvents", cancellationToken), CultureInfo.InvariantCulture);
        return (tickets, events);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static string FileName(DateTimeOffset takenAt) =>
        Prefix + takenAt.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + "Z" + Extension;

    private static DateTimeOffset? TakenAtOf(string path)
    {
        var name = Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith("Z" + Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var stamp = name[Prefix.Length..^("Z" + Extension).Length];
        return DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }
}
