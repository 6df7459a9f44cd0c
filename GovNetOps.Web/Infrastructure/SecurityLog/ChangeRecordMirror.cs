using System.Collections.Concurrent;
using System.Data.Common;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>Registry, configuration, policy and user changes reach the security log through their change records
/// (<c>ChangeLog.Add</c>, saved with the change): this interceptor notes the client's address of every change record
/// saved and wakes the <see cref="ChangeRecordMirror"/> when a save or a transaction commits. The mirror runs after the
/// commit on its own connection, so the change's own transaction never waits for the security log.</summary>
public sealed class ChangeRecordInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<long, string> _addresses = new();
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>The address a change record was saved from (taken once), or null.</summary>
    public string? TakeAddress(long changeRecordId) => _addresses.TryRemove(changeRecordId, out var address) ? address : null;

    /// <summary>Waits for the next saved change or commit.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the mirror will read every record since its cursor anyway.
        }
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Noted(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Noted(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal();

    private void Noted(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var saved = context.ChangeTracker.Entries<ChangeRecord>().Where(e => e.State == EntityState.Unchanged && e.Entity.Id > 0).ToList();
        if (saved.Count == 0)
        {
            return;
        }

        var address = ClientAddress.Current;
        foreach (var entry in saved)
        {
            if (address is not null && _addresses.Count < 10_000)
            {
                _addresses.TryAdd(entry.Entity.Id, address);
            }
        }
        Signal();
    }
}

/// <summary>Copies every committed change record into the security log, once (a cursor advanced in the append's own
/// transaction, and a unique index on the entry's change record id): user and role changes, policy changes (SLA policy
/// versions, the calendar), registry and configuration changes, and exports recorded as changes (the site list).</summary>
public sealed class ChangeRecordMirror(
    IDbContextFactory<AppDbContext> factory, SecurityLogWriter writer, ChangeRecordInterceptor changes, ILogger<ChangeRecordMirror> logger)
    : BackgroundService
{
    public const string CursorName = "security-log-changes";

    /// <summary>Mirrors every change record not mirrored yet; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var mirrored = 0;
        while (true)
        {
            List<ChangeRecord> batch;
            Dictionary<string, string> userNames;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                var cursor = await db.EventCursors.AsNoTracking().Where(c => c.Name == CursorName).Select(c => c.LastEventId).FirstOrDefaultAsync(cancellationToken);
                batch = await db.ChangeRecords.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
                var ids = batch.Select(c => c.UserId).Distinct().ToList();
                userNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                    .ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
            }
            if (batch.Count == 0)
            {
                return mirrored;
            }

            foreach (var record in batch)
            {
                var entry = new SecurityLogEntry
                {
                    Kind = KindOf(record), Outcome = SecurityOutcome.Success, UserId = record.UserId,
                    UserName = userNames.GetValueOrDefault(record.UserId, record.UserName), Roles = record.Role,
                    Address = changes.TakeAddress(record.Id) ?? "",
                    Subject = Clip($"{record.EntityType} {record.Action} {record.EntityName}", 512),
                    Detail = Clip(Describe(record), 4000), ChangeRecordId = record.Id,
                };
                var id = await writer.AppendAsync(entry, async (db, ct) =>
                {
                    var cursor = await db.EventCursors.SingleOrDefaultAsync(c => c.Name == CursorName, ct);
                    if (cursor is null)
                    {
                        db.EventCursors.Add(new EventCursor { Name = CursorName, LastEventId = record.Id });
                        return true;
                    }

                    if (cursor.LastEventId >= record.Id)
                    {
                        // Another instance mirrored it first.
                        return false;
                    }
                    cursor.LastEventId = record.Id;
                    return true;
                }, cancellationToken);
                mirrored += id is null ? 0 : 1;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                // Woken by a save or commit; the timeout is a safety net for a commit another instance made.
                await changes.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Mirroring change records into the security log failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public static SecurityEventKind KindOf(ChangeRecord record) => record switch
    {
        { Action: "Exported" } => SecurityEventKind.Export,
        { EntityType: "User" } => SecurityEventKind.UserChange,
        { EntityType: "SlaPolicy" or "CalendarYear" } => SecurityEventKind.PolicyChange,
        _ => SecurityEventKind.ConfigurationChange,
    };

    private static string Describe(ChangeRecord r)
    {
        var parts = new List<string>();
        if (r.Before.Length > 0)
        {
            parts.Add(r.Before);
        }

        if (r.After.Length > 0)
        {
            parts.Add("→ " + r.After);
        }

        if (r.Note.Length > 0)
        {
            parts.Add(r.Note);
        }
        return string.Join(' ', parts);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
