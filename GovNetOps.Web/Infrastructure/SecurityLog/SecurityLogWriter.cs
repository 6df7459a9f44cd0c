using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The only writer of the security log. Appends are serialised like the ticket store's (a process-wide lock on
/// SQLite; on PostgreSQL an instance lock and then an advisory transaction lock shared by every instance) from reading
/// the chain's last hash to the commit, so the chain stays linear; the entry and the signed head are written in one
/// transaction.</summary>
public sealed class SecurityLogWriter(IDbContextFactory<AppDbContext> factory, ChainKeys keys, TimeProvider time)
{
    private static readonly SemaphoreSlim WriteLock = new(1, 1);
    private readonly SemaphoreSlim _instanceWriteLock = new(1, 1);

    /// <summary>Stamps <paramref name="entry"/> with the time, links and keys it, and appends it. Returns its id, or null when

    /// <paramref name="inTransaction"/> runs in the same transaction first (a reader's cursor), and may veto the append
    /// by returning false.</summary>
    public async Task<long?> AppendAsync(SecurityLogEntry entry, Func<AppDbContext, CancellationToken, Task<bool>>? inTransaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var gate = db.IsPostgreSql() ? _instanceWriteLock : WriteLock;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.SecurityLogWrites, cancellationToken);
            if (inTransaction is not null && !await inTransaction(db, cancellationToken))
            {
                return null;
            }

            var head = await db.ChainHeads.SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.SecurityLogChain, cancellationToken);
            var previous = await db.SecurityLog.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken)
                ?? await db.SecurityLogArchives.OrderByDescending(a => a.ToEntryId).Select(a => a.LastHash).FirstOrDefaultAsync(cancellationToken);
            if (head is null && previous is null)
            {
                // A new log: the head is created with its first entry. A missing head on a log that has entries is
                // evidence (its tail may have been cut) and is left missing for the verification to report.
                head = new ChainHeadRecord { Chain = ChainHeadRecord.SecurityLogChain };
                db.ChainHeads.Add(head);
            }

            entry.At = time.GetUtcNow();
            entry.PreviousHash = previous ?? SecurityLogChain.Genesis;
            entry.Hash = SecurityLogChain.Compute(keys.SecurityLog, entry);
            db.SecurityLog.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            if (head is not null)
            {
                head.LastId = entry.Id;
                head.LastHash = entry.Hash;
                head.Mac = SecurityLogChain.HeadMac(keys.SecurityLog, head);
                await db.SaveChangesAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return entry.Id;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Under the append lock: the oldest entries, in chain order, up to the first one at or after <paramref name="cutoff"/>,
    /// are handed to <paramref name="writeFile"/>, then replaced in one transaction by a signed archive record. The file is
    /// written before the rows are deleted; if the commit fails, the rows stay and the file is written again next time.</summary>
    public async Task<SecurityLogArchiveRecord?> ArchiveAsync(DateTimeOffset cutoff,
        Func<IReadOnlyList<SecurityLogEntry>, CancellationToken, Task<(string FileName, string Sha256)>> writeFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeFile);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var gate = db.IsPostgreSql() ? _instanceWriteLock : WriteLock;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.SecurityLogWrites, cancellationToken);
            // The prefix of the chain older than the cutoff (an entry's time never decides alone: order is the chain's).
            var firstKept = await db.SecurityLog.Where(e => e.At >= cutoff).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
            var old = db.SecurityLog.AsNoTracking().Where(e => e.At < cutoff);
            if (firstKept is { } kept)
            {
                old = old.Where(e => e.Id < kept);
            }

            var entries = await old.OrderBy(e => e.Id).Take(100_000).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return null;
            }

            var (fileName, sha256) = await writeFile(entries, cancellationToken);
            var record = new SecurityLogArchiveRecord
            {
                FromEntryId = entries[0].Id, ToEntryId = entries[^1].Id, EntryCount = entries.Count, FirstAt = entries[0].At, LastAt = entries[^1].At,
                FileName = fileName, FileSha256 = sha256, LastHash = entries[^1].Hash, ArchivedAt = time.GetUtcNow(),
            };
            record.Mac = SecurityLogChain.ArchiveMac(keys.SecurityLog, record);
            db.SecurityLogArchives.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            var lastId = record.ToEntryId;
            await db.SecurityLog.Where(e => e.Id <= lastId).ExecuteDeleteAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return record;
        }
        finally
        {
            gate.Release();
        }
    }
}
