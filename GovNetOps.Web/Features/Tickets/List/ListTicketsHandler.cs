using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Tickets.List;

/// <summary>The ticket list: the viewer's visible tickets, filtered and paged on the server.</summary>
public sealed class ListTicketsHandler(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook policies,
    TimeProvider time,
    CurrentActors actors)
{
    public async Task<IReadOnlyList<(int Id, string Name)>> CarriersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ShortName }).ToListAsync(cancellationToken);
        return rows.Select(c => (c.Id, c.ShortName)).ToList();
    }

    private static IQueryable<FaultTicketRecord> Order(IQueryable<FaultTicketRecord> q, TicketSort sort) => sort switch
    {
        TicketSort.ReportedOldest => q.OrderBy(t => t.ReportedAt).ThenBy(t => t.Number),
        // Nulls (no running clock) after every deadline; overdue deadlines are the earliest, so they come first.
        TicketSort.TimeLeft => q.OrderBy(TicketFilters.GoverningDeadline.IsNull()).ThenBy(TicketFilters.GoverningDeadline)
            .ThenByDescending(t => t.ReportedAt).ThenByDescending(t => t.Number),
        _ => q.OrderByDescending(t => t.ReportedAt).ThenByDescending(t => t.Number),
    };

    public async Task<TicketResults> ListAsync(TicketQuery query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return new TicketResults([], 0);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = db.FaultTickets.AsNoTracking().Where(TicketFilters.VisibleTo(actor));
        var now = time.GetUtcNow();

        if (query.State is { } state)
        {
            q = q.Where(t => t.State == state);
        }

        if (query.OpenOnly)
        {
            q = q.Where(TicketFilters.Open);
        }

        if (query.CarrierId is { } carrier)
        {
            q = q.Where(t => t.CarrierId == carrier);
        }

        if (query.Incident?.Trim() is { Length: > 0 } incident)
        {
            q = q.Where(t => t.IncidentNumber == incident);
        }

        if (query.LocationClass is { } cls)
        {
            q = q.Where(t => t.LocationClass == cls);
        }

        if (query.ReportedFrom is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(t => t.ReportedAt >= start);
        }
        if (query.ReportedTo is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(t => t.ReportedAt < end);
        }
        if (query.Breached is { } breached)
        {
            q = q.Where(breached ? TicketFilters.BreachedAt(now) : TicketFilters.NotBreachedAt(now));
        }
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var s = search.ToUpperInvariant();
            var lower = search.ToLowerInvariant();
            q = q.Where(t => t.Number.Contains(s) || t.Site!.Name.Contains(search) || t.Site!.PinyinInitials.Contains(lower));
        }

        if (query.AwaitingOpsDecision)
        {
            q = q.Where(TicketFilters.AwaitingOpsDecision);
        }

        var total = await q.CountAsync(cancellationToken);
        var page = await Order(q, query.Sort)
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(Math.Clamp(query.PageSize, 1, 200))
            .Select(TicketRow.Projection(policies)).ToListAsync(cancellationToken);
        return new TicketResults(page, total);
    }
}
