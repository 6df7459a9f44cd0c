using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using AuditText = GovNetOps.Web.Resources.Audit;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>The tamper-evidence of the event log: SHA-256 over the previous row's hash and every
/// field of the row. Verification walks the whole log in Id order.</summary>
public static class EventChain
{
    /// <summary>The "previous hash" of the very first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string DataToJson(IReadOnlyDictionary<string, string> data) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(data.ToDictionary(), StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> DataFromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Compute(TicketEventRecord e)
    {
        var text = string.Join('\u001f',
            e.PreviousHash, e.TicketId.ToString("N"), e.Sequence.ToString(CultureInfo.InvariantCulture),
            ((int)e.Trigger).ToString(CultureInfo.InvariantCulture), e.ActorId, e.ActorName,
            ((int)e.ActorRole).ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Reason ?? "\u0000", e.DataJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static TicketEventRecord ToRecord(TicketEvent e) => new()
    {
        TicketId = e.TicketId, Sequence = e.Sequence, Trigger = e.Trigger, ActorId = e.ActorId, ActorName = e.ActorName,
        ActorRole = e.ActorRole, At = e.At, Reason = e.Reason, DataJson = DataToJson(e.Data),
    };

    public static TicketEvent ToDomain(TicketEventRecord r) =>
        new(r.TicketId, r.Sequence, r.Trigger, r.ActorId, r.ActorName, r.ActorRole, r.At, r.Reason, DataFromJson(r.DataJson));

    /// <summary>Walks the log; reports every row whose hash or link is wrong, and every ticket whose
    /// sequence has a gap or whose projection's version disagrees with its events.</summary>
    public static async Task<ChainReport> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var previous = Genesis;
        var count = 0;
        var lastSequence = new Dictionary<Guid, int>();
        await foreach (var e in db.TicketEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (e.PreviousHash != previous)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_PreviousHash, e.Id, e.TicketId, e.Sequence));
            }

            if (Compute(e) != e.Hash)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Hash, e.Id, e.TicketId, e.Sequence));
            }

            var expected = lastSequence.GetValueOrDefault(e.TicketId) + 1;
            if (e.Sequence != expected)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Gap, e.TicketId, expected, e.Sequence));
            }

            lastSequence[e.TicketId] = e.Sequence;
            previous = e.Hash;
        }
        var versions = await db.FaultTickets.AsNoTracking().Select(t => new { t.Id, t.Number, t.Version }).ToListAsync(cancellationToken);
        foreach (var t in versions)
        {
            if (lastSequence.GetValueOrDefault(t.Id) != t.Version)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, AuditText.Problem_Count, t.Number, t.Version, lastSequence.GetValueOrDefault(t.Id)));
            }
        }

        return new ChainReport(count, problems);
    }
}

public sealed record ChainReport(int EventCount, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
