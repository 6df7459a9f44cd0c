using System.Security.Claims;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Tickets.Detail;

/// <summary>The ticket page's data, or null when it does not exist or the viewer may not see it (both look the same).</summary>
public sealed class TicketDetailsHandler(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    TimeProvider time,
    CurrentActors actors,
    ILogger<TicketDetailsHandler> logger)
{
    public static string NotFoundMessage => Resources.TicketText.NotFound;

    public async Task<TicketDetails?> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var head = await db.FaultTickets.AsNoTracking().Where(t => t.Number == number)
            .Select(t => new { t.Id, t.CarrierId, t.Site!.Address, t.Site.NetworkAdminName, t.Site.NetworkAdminMobile })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        if (!TicketFilters.CanSee(actor, head.CarrierId))
        {
            logger.LogWarning("Refused {User} ({Role}, carrier {Carrier}) the ticket {Number} of carrier {Owner}",
                user.Identity?.Name, actor.Role, actor.CarrierId, number, head.CarrierId);
            return null;
        }
        var row = await db.FaultTickets.AsNoTracking().Where(t => t.Id == head.Id)
            .Select(TicketRow.Projection(policies)).SingleAsync(cancellationToken);
        var ticket = await store.LoadAsync(head.Id, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var escalations = await db.EscalationRecords.AsNoTracking().Where(e => e.TicketId == head.Id)
            .OrderBy(e => e.DueAt).ToListAsync(cancellationToken);
        // The other sites of the same outage, as far as the viewer may see them (a carrier: its own).
        var incident = row.IncidentNumber is { } incidentNumber
            ? (await db.FaultTickets.AsNoTracking().Where(TicketFilters.VisibleTo(actor)).Where(t => t.IncidentNumber == incidentNumber)
                .OrderBy(t => t.Number).Select(t => new { t.Number, t.Site!.Name, t.State }).ToListAsync(cancellationToken))
                .Select(t => new IncidentTicket(t.Number, t.Name, t.State)).ToList()
            : [];
        return new TicketDetails(ticket, row, head.Address, $"{head.NetworkAdminName} {PersonalData.Number(actor.Role, head.NetworkAdminMobile)}",
            PersonalData.Number(actor.Role, ticket.ReporterMobile),
            SlaClocks.Compute(ticket, policies, now), ticket.AvailableTriggers(actor), now)
        {
            Escalations = escalations,
            Incident = incident,
        };
    }
}
