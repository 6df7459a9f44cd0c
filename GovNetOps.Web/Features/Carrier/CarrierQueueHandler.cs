using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Carrier;

/// <summary>The carrier's own open backbone faults, nearest deadline first (no running clock last). LAN faults are
/// the unit's own (Article 11) and in no carrier's queue.</summary>
public sealed class CarrierQueueHandler(IDbContextFactory<AppDbContext> factory, IOptions<EscalationPolicy> ladder, CurrentActors actors)
{
    public async Task<IReadOnlyList<TicketRow>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await actors.ResolveAsync(user, cancellationToken) is not { Role: Role.Carrier, CarrierId: { } carrierId }) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.FaultTickets.AsNoTracking().Where(TicketFilters.InCarrierQueue(carrierId))
            .Select(TicketRow.Projection(ladder.Value)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.NextDeadline ?? DateTimeOffset.MaxValue).ThenBy(r => r.ReportedAt).ToList();
    }
}
