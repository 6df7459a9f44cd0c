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
}
