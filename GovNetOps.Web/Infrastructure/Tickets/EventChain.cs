using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.EntityFrameworkCore;
using AuditText = GovNetOps.Web.Resources.Audit;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>The tamper-evidence of the event log: a hash over the previous row's hash and every field of the row.
/// Chain version 0 (events written before the chain was keyed) is plain SHA-256, which anyone who can write the
/// database could recompute; version 1 is HMAC-SHA256 under the ticket chain's key (<see cref="ChainKeys"/>), kept outside
/// the database. The switch-over point (the first keyed event's id) and the chain's last link are kept in a head row
/// signed with the same key (<see cref="ChainHeadRecord"/>), so an event cannot be downgraded to the unkeyed rule and the
/// tail cannot be cut off unnoticed. Verification walks the whole log in Id order.</summary>
public static class EventChain
{
    /// <summary>The "previous hash" of the very first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The chain version new events are written with.</summary>
    public const int KeyedVersion = 1;

    public static string DataToJson(IReadOnlyDictionary<string, string> data) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(data.ToDictionary(), StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> DataFromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>The unkeyed rule (chain version 0).</summary>
    public static string Compute(TicketEventRecord e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>The keyed rule (chain version 1).</summary>
    public static string ComputeKeyed(ChainKeys keys, TicketEventRecord e) => ChainKeys.Mac(keys.TicketEvents, Canonical(e));

    /// <summary>The head's signature over the chain's last link and its switch-over point.</summary>
    public static string HeadMac(ChainKeys keys, ChainHeadRecord head) => SecurityLogChain.HeadMac(keys.TicketEvents, head);

    /// <summary>Links <paramref name="rows"/> after the chain's last event, keyed, adds them to <paramref name="db"/>, saves, and
    /// moves the signed head to the last of them (inside the caller's transaction and write lock). The first keyed append
    /// of a database whose events are all unkeyed records the switch-over point in a new head.</summary>
    public static async Task AppendAsync(AppDbContext db, ChainKeys keys, IReadOnlyList<TicketEventRecord> rows, CancellationToken cancellationToken)
    {
        var previous = await db.TicketEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? Genesis;
        var head = await db.ChainHeads.SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.TicketEventsChain, cancellationToken);
        var switchOver = head is null && !await db.TicketEvents.AnyAsync(e => e.ChainVersion != 0, cancellationToken);
        foreach (var row in rows)
        {
            row.ChainVersion = KeyedVersion;
            row.PreviousHash = previous;
            row.Hash = previous = ComputeKeyed(keys, row);
            db.TicketEvents.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        if (switchOver)
        {
            head = new ChainHeadRecord { Chain = ChainHeadRecord.TicketEventsChain, KeyedFromId = rows[0].Id };
            db.ChainHeads.Add(head);
        }

        // A missing head on a keyed chain is evidence (the tail may have been cut) and stays missing.
        if (head is not null)
        {
            head.LastId = rows[^1].Id;
            head.LastHash = rows[^1].Hash;
            head.Mac = HeadMac(keys, head);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Canonical(TicketEventRecord e) =>
        string.Join('\u001f',
            e.PreviousHash, e.TicketId.ToString("N"), e.Sequence.ToString(CultureInfo.InvariantCulture),
            ((int)e.Trigger).ToString(CultureInfo.InvariantCulture), e.ActorId, e.ActorName,
            ((int)e.ActorRole).ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Reason ?? "\u0000", e.DataJson);

    public static TicketEventRecord ToRecord(TicketEvent e) => new()
    {
        TicketId = e.TicketId, Sequence = e.Sequence, Trigger = e.Trigger, ActorId = e.ActorId, ActorName = e.ActorName,
        ActorRole = e.ActorRole, At = e.At, Reason = e.Reason, DataJson = DataToJson(e.Data),
    };

    public static TicketEvent ToDomain(TicketEventRecord r) =>
        new(r.TicketId, r.Sequence, r.Trigger, r.ActorId, r.ActorName, r.ActorRole, r.At, r.Reason, DataFromJson(r.DataJson));

    /// <summary>Walks the log; reports every row whose hash or link is wrong (each by the rule of its side of the signed
    /// switch-over point), every ticket whose sequence has a gap or whose projection's version disagrees with its events,
    /// and a head that is missing, forged, or ahead of the last event (a cut tail). The first problem is the first broken
    /// link.</summary>
    public static async Task<ChainReport> VerifyAsync(AppDbContext db, ChainKeys keys, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.TicketEventsChain, cancellationToken);
        var headValid = head is not null && ChainKeys.SameMac(HeadMac(keys, head), head.Mac);
        // Without a (valid) head every event must be unkeyed; with one, every event from its switch-over point keyed.
        var keyedFrom = head?.KeyedFromId ?? long.MaxValue;
        var previous = Genesis;
        var count = 0;
        var lastId = 0L;
        var keyedSeen = false;
        var lastSequence = new Dictionary<Guid, int>();
        await foreach (var e in db.TicketEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (e.PreviousHash != previous)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_PreviousHash, e.Id, e.TicketId, e.Sequence));
            }

            var keyed = e.Id >= keyedFrom;
            keyedSeen |= e.ChainVersion != 0;
            var expected = keyed ? ComputeKeyed(keys, e) : Compute(e);
            if (e.ChainVersion != (keyed ? KeyedVersion : 0) || !ChainKeys.SameMac(expected, e.Hash))
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Hash, e.Id, e.TicketId, e.Sequence));
            }

            var expectedSequence = lastSequence.GetValueOrDefault(e.TicketId) + 1;
            if (e.Sequence != expectedSequence)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Gap, e.TicketId, expectedSequence, e.Sequence));
            }

            lastSequence[e.TicketId] = e.Sequence;
            previous = e.Hash;
            lastId = e.Id;
        }
        var versions = await db.FaultTickets.AsNoTracking().Select(t => new { t.Id, t.Number, t.Version }).ToListAsync(cancellationToken);
        foreach (var t in versions)
        {
            if (lastSequence.GetValueOrDefault(t.Id) != t.Version)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Count, t.Number, t.Version, lastSequence.GetValueOrDefault(t.Id)));
            }
        }

        // The switch-over is also an entry of the (keyed) security log: deleting the head and downgrading every event to
        // the unkeyed rule would otherwise pass for a database that was never keyed.
        var recorded = await db.SecurityLog.AsNoTracking().Where(e => e.Kind == SecurityEventKind.ChainKeyed && e.Subject == ChainHeadRecord.TicketEventsChain)
            .OrderBy(e => e.Id).Select(e => e.Detail).FirstOrDefaultAsync(cancellationToken);
        if (recorded is not null && recorded != head?.KeyedFromId.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_SwitchOver, recorded, head?.KeyedFromId.ToString(CultureInfo.InvariantCulture) ?? "—"));
        }

        if (head is null)
        {
            if (keyedSeen)
            {
                problems.Add(AuditText.Problem_HeadMissing);
            }
        }
        else if (!headValid)
        {
            problems.Add(AuditText.Problem_HeadForged);
        }
        else if (head.LastId != lastId || head.LastHash != previous)
        {
            problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Truncated, head.LastId, lastId));
        }

        return new ChainReport(count, problems);
    }
}

public sealed record ChainReport(int EventCount, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
