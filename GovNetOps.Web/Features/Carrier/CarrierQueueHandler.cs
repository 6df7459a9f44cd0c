using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Carrier;

/// <summary>The carrier's own open backbone faults, nearest deadline first (no running clock last). LAN faults are
/// the unit's own (Article 11) and in no carrier's queue.</summary>
public sealed class CarrierQueueHandler(IDbContextFactory<AppDbContext> factory, SlaPolicyBook policies, CurrentActors actors, TicketActionHandler actions)
{
    /// <summary>The queue's incidents (one outage, many sites): the incident number and its rows, for every incident
    /// with more than one ticket in the queue, in queue order.</summary>
    public static IReadOnlyList<(string Incident, IReadOnlyList<TicketRow> Rows)> Incidents(IReadOnlyList<TicketRow> queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.Where(r => r.IncidentNumber is not null).GroupBy(r => r.IncidentNumber!)
            .Where(g => g.Count() > 1).Select(g => (g.Key, (IReadOnlyList<TicketRow>)g.ToList())).ToList();
    }

    /// <summary>全部响应接单: acknowledges, one by one as the carrier's own clicks would (<see cref="TicketActionHandler"/>: visible,
    /// own, the Domain's rules, the version the carrier saw), every ticket of <paramref name="incident"/> among the rows the
    /// carrier saw that was still Reported. Returns the numbers acknowledged and each refusal with its reason.</summary>
    public async Task<IncidentAcknowledgement> AcknowledgeIncidentAsync(
        string incident, IEnumerable<TicketRow> seen, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var acknowledged = new List<string>();
        var refused = new List<(string Number, string Error)>();
        foreach (var row in seen.Where(r => r.IncidentNumber == incident && r.State == TicketState.Reported))
        {
            var result = await actions.ApplyAsync(row.Id, row.Version, new TicketCommand(TicketTrigger.Acknowledge), user, cancellationToken);
            if (result.IsSuccess)
            {
                acknowledged.Add(row.Number);
            }
            else
            {
                refused.Add((row.Number, result.Error!));
            }
        }
        return new IncidentAcknowledgement(acknowledged, refused);
    }

    public async Task<IReadOnlyList<TicketRow>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await actors.ResolveAsync(user, cancellationToken) is not { Role: Role.Carrier, CarrierId: { } carrierId })
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.FaultTickets.AsNoTracking().Where(TicketFilters.InCarrierQueue(carrierId))
            .Select(TicketRow.Projection(policies)).ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(r => r.NextDeadline ?? DateTimeOffset.MaxValue).ThenBy(r => r.ReportedAt).ToList();
        // An incident's tickets stay together, where its first (nearest deadline) ticket stands.
        var first = new Dictionary<string, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].IncidentNumber is { } incident)
            {
                first.TryAdd(incident, i);
            }
        }
        return ordered.Select((r, i) => (Row: r, Rank: r.IncidentNumber is { } incident ? first[incident] : i, Index: i))
            .OrderBy(x => x.Rank).ThenBy(x => x.Index).Select(x => x.Row).ToList();
    }
}

/// <summary>What 全部响应接单 did: the tickets acknowledged, and each one refused with the reason.</summary>
public sealed record IncidentAcknowledgement(IReadOnlyList<string> Acknowledged, IReadOnlyList<(string Number, string Error)> Refused);
