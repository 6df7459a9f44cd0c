using System.Globalization;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Text = GovNetOps.Web.Resources.SecurityLogText;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The security log's chain: each entry's hash is HMAC-SHA256(key, previous hash + the entry's fields), the
/// chain's head (last id and hash) is signed with the same key, and so is every archive record. Verification walks the
/// entries in id order from the last archived head and names the first broken link.</summary>
public static class SecurityLogChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The entry as the MAC sees it: every field but the id and the hash, in a fixed order and format.</summary>
    public static string Canonical(SecurityLogEntry e) => string.Join('\u001f',
        e.PreviousHash, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), ((int)e.Kind).ToString(CultureInfo.InvariantCulture),
        ((int)e.Outcome).ToString(CultureInfo.InvariantCulture), e.UserId, e.UserName, e.Roles, e.Address, e.Subject, e.Detail,
        e.ChangeRecordId?.ToString(CultureInfo.InvariantCulture) ?? "\u0000");

    public static string Compute(byte[] key, SecurityLogEntry e) => ChainKeys.Mac(key, Canonical(e));

    public static string HeadMac(byte[] key, ChainHeadRecord h) => ChainKeys.Mac(key, string.Join('\u001f',
        h.Chain, h.LastId.ToString(CultureInfo.InvariantCulture), h.LastHash, h.KeyedFromId.ToString(CultureInfo.InvariantCulture)));

    public static string ArchiveMac(byte[] key, SecurityLogArchiveRecord a) => ChainKeys.Mac(key, string.Join('\u001f',
        "archive", a.FromEntryId.ToString(CultureInfo.InvariantCulture), a.ToEntryId.ToString(CultureInfo.InvariantCulture),
        a.EntryCount.ToString(CultureInfo.InvariantCulture), a.FirstAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        a.LastAt.UtcTicks.ToString(CultureInfo.InvariantCulture), a.FileName, a.FileSha256, a.LastHash));

    /// <summary>Walks the archive records, the entries still in the table and the signed head; stops at the first broken
    /// link and names it.</summary>
    public static async Task<ChainVerdict> VerifyAsync(AppDbContext db, ChainKeys keys, CancellationToken cancellationToken = default)
    {
        var key = keys.SecurityLog;
        var previous = Genesis;
        var lastArchived = 0L;
        var archives = await db.SecurityLogArchives.AsNoTracking().OrderBy(a => a.ToEntryId).ToListAsync(cancellationToken);
        foreach (var archive in archives)
        {
            if (!ChainKeys.SameMac(ArchiveMac(key, archive), archive.Mac) || archive.FromEntryId <= lastArchived)
            {
                return ChainVerdict.Broken(0, archive.ToEntryId, string.Format(CultureInfo.CurrentCulture, Text.Problem_Archive, archive.FileName));
            }
            previous = archive.LastHash;
            lastArchived = archive.ToEntryId;
        }

        var count = 0;
        var lastId = lastArchived;
        await foreach (var e in db.SecurityLog.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (e.Id <= lastArchived || e.PreviousHash != previous)
            {
                return ChainVerdict.Broken(count, e.Id, string.Format(CultureInfo.CurrentCulture, Text.Problem_Link, e.Id, Describe(e)));
            }

            if (!ChainKeys.SameMac(Compute(key, e), e.Hash))
            {
                return ChainVerdict.Broken(count, e.Id, string.Format(CultureInfo.CurrentCulture, Text.Problem_Hash, e.Id, Describe(e)));
            }
            previous = e.Hash;
            lastId = e.Id;
        }

        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.SecurityLogChain, cancellationToken);
        if (head is null)
        {
            return count == 0 && archives.Count == 0
                ? ChainVerdict.Intact(0)
                : ChainVerdict.Broken(count, lastId, Text.Problem_HeadMissing);
        }

        if (!ChainKeys.SameMac(HeadMac(key, head), head.Mac))
        {
            return ChainVerdict.Broken(count, head.LastId, Text.Problem_HeadForged);
        }

        if (head.LastId != lastId || head.LastHash != previous)
        {
            return ChainVerdict.Broken(count, head.LastId, string.Format(CultureInfo.CurrentCulture, Text.Problem_Truncated, head.LastId, lastId));
        }
        return ChainVerdict.Intact(count);
    }

    private static string Describe(SecurityLogEntry e) =>
        $"{GovNetOps.Domain.Common.ChinaTime.Format(e.At)} {e.UserName} {e.Kind}";
}

/// <summary>The outcome of walking a chain: intact, or the first broken link (its id and what is wrong).</summary>
public sealed record ChainVerdict(int Count, long? BrokenAt, string? Problem)
{
    public bool IsIntact => Problem is null;

    public static ChainVerdict Intact(int count) => new(count, null, null);

    public static ChainVerdict Broken(int count, long at, string problem) => new(count, at, problem);
}
