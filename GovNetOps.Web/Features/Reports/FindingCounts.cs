using GovNetOps.Domain.Common;
using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Reports;

/// <summary>Security findings and disconnections of one carrier's sites in the month (Article 9), or the total
/// (<see cref="CarrierId"/> null).</summary>
/// <param name="Recorded">Findings recorded in the month.</param>
/// <param name="Serious">Of those, serious ones.</param>
/// <param name="Disconnections">Findings recorded in the month that cut their site off.</param>
/// <param name="Reconnections">Sites reconnected in the month.</param>
/// <param name="StillDisconnected">Sites still cut off at the end of the month (for the current month: at the report's instant).</param>
public sealed record FindingRow(int? CarrierId, string CarrierName, int Recorded, int Serious, int Disconnections, int Reconnections, int StillDisconnected)
{
    public bool IsTotal => CarrierId is null;
}

/// <summary>The monthly report's findings section, counted from the findings themselves: a finding belongs to the month
/// of <see cref="SecurityFindingRecord.FoundAt"/> and to the carrier its site belongs to now; a reconnection to the month
/// of <see cref="SecurityFindingRecord.ReconnectedAt"/>. A carrier reads its own sites' rows only.</summary>
public static class FindingCounts
{
    public static async Task<IReadOnlyList<FindingRow>> ForMonthAsync(
        AppDbContext db, Actor actor, IReadOnlyList<(int Id, string Name)> carriers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(carriers);
        var findings = db.SecurityFindings.AsNoTracking()
            .Where(f => actor.Role != Role.Carrier || f.Site!.CarrierId == actor.CarrierId);

        var recorded = await findings.Where(f => f.FoundAt >= from && f.FoundAt < to)
            .GroupBy(f => f.Site!.CarrierId)
            .Select(g => new
            {
                CarrierId = g.Key,
                Recorded = g.Count(),
                Serious = g.Count(f => f.Severity == FindingSeverity.Serious),
                Disconnections = g.Count(f => f.Disconnected),
            }).ToListAsync(cancellationToken);

        // One reconnection marks every finding that had cut the site off: count sites and instants, not findings.
        var reconnections = await findings.Where(f => f.ReconnectedAt != null && f.ReconnectedAt >= from && f.ReconnectedAt < to)
            .Select(f => new { f.Site!.CarrierId, f.SiteId, f.ReconnectedAt }).Distinct().ToListAsync(cancellationToken);

        var end = now < to ? now : to;
        var stillOff = await findings.Where(f => f.Disconnected && f.FoundAt < end && (f.ReconnectedAt == null || f.ReconnectedAt >= end))
            .Select(f => new { f.Site!.CarrierId, f.SiteId }).Distinct().ToListAsync(cancellationToken);

        var rows = carriers.Select(c =>
        {
            var r = recorded.FirstOrDefault(x => x.CarrierId == c.Id);
            return new FindingRow(c.Id, c.Name, r?.Recorded ?? 0, r?.Serious ?? 0, r?.Disconnections ?? 0,
                reconnections.Count(x => x.CarrierId == c.Id), stillOff.Count(x => x.CarrierId == c.Id));
        }).ToList();
        rows.Add(new FindingRow(null, "", rows.Sum(r => r.Recorded), rows.Sum(r => r.Serious), rows.Sum(r => r.Disconnections),
            rows.Sum(r => r.Reconnections), rows.Sum(r => r.StillDisconnected)));
        return rows;
    }
}
