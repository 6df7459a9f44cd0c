using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Reports;

/// <summary>The breach ledger's lines: every breached clock (<see cref="TicketFilters.BreachedAt(ClockKind, DateTimeOffset)"/>,
/// the one breach rule) of the given tickets, with the line's dispute if any. The monthly report and a line's own page
/// (<see cref="Disputes.BreachLinePage"/>) both read it here, so they cannot show a line differently.</summary>
public static class BreachLedger
{
    public static async Task<List<BreachLine>> LinesAsync(
        AppDbContext db, IQueryable<FaultTicketRecord> backbone, DateTimeOffset now, CancellationToken cancellationToken, ClockKind? only = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = new List<BreachLine>();
        foreach (var clock in new[] { ClockKind.Response, ClockKind.Repair }.Where(c => only is null || c == only))
        {
            var rows = await backbone.Where(TicketFilters.BreachedAt(clock, now))
                .Select(t => new
                {
                    t.Id,
                    t.Number,
                    Site = t.Site!.Name,
                    t.CarrierId,
                    Carrier = t.Carrier!.ShortName,
                    t.LocationClass,
                    Deadline = clock == ClockKind.Response ? t.ResponseBreachedDeadline ?? t.ResponseDeadline : t.RepairBreachedDeadline ?? t.RepairDeadline,
                    Stopped = clock == ClockKind.Response ? t.AcknowledgedAt : t.RepairedAt,
                    t.CancelledAt,
                    Dispute = db.BreachDisputes.Where(d => d.TicketId == t.Id && d.Clock == clock)
                        .Select(d => new { d.Id, d.State }).FirstOrDefault(),
                }).ToListAsync(cancellationToken);
            lines.AddRange(rows.Select(r =>
            {
                var end = r.Stopped ?? r.CancelledAt ?? now;
                return new BreachLine(r.Id, r.Number, r.Site, r.CarrierId, r.Carrier, r.LocationClass, clock, r.Deadline!.Value,
                    r.Stopped ?? r.CancelledAt, r.Stopped is null && r.CancelledAt is not null, Math.Max(0L, (long)(end - r.Deadline.Value).TotalSeconds),
                    r.Dispute?.Id, r.Dispute?.State);
            }));
        }

        return lines.OrderByDescending(l => l.OverdueSeconds).ThenBy(l => l.Number, StringComparer.Ordinal).ThenBy(l => l.Clock).ToList();
    }
}
