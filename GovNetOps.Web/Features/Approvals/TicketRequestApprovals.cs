using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Approvals;

/// <summary>Complex-fault and suspension requests on open tickets (<see cref="TicketFilters.AwaitingOpsDecision"/>), each with
/// the request event that asked for it (who, when, why). A ticket with both pending is two items.</summary>
public sealed class TicketRequestApprovals(IDbContextFactory<AppDbContext> factory) : IApprovalSource
{
    public async Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tickets = await db.FaultTickets.AsNoTracking().Where(TicketFilters.AwaitingOpsDecision)
            .Select(t => new
            {
                t.Id, t.Number, Site = t.Site!.Name, t.Carrier!.ShortName, CarrierName = t.Carrier!.Name,
                ComplexRequested = t.Complex == ComplexStatus.Requested, t.SuspendRequested,
            })
            .ToListAsync(cancellationToken);
        var ids = tickets.Select(t => t.Id).ToList();
        var requests = await db.TicketEvents.AsNoTracking()
            .Where(e => ids.Contains(e.TicketId) && (e.Trigger == TicketTrigger.RequestComplex || e.Trigger == TicketTrigger.RequestSuspend))
            .Select(e => new { e.TicketId, e.Trigger, e.Sequence, e.ActorName, e.At, e.Reason })
            .ToListAsync(cancellationToken);
        // The latest request of its kind is the one pending (a rejected request may be asked again).
        var latest = requests.GroupBy(e => (e.TicketId, e.Trigger)).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!);

        var items = new List<ApprovalItem>();
        foreach (var t in tickets)
        {
            foreach (var (pending, trigger) in new[] { (t.ComplexRequested, TicketTrigger.RequestComplex), (t.SuspendRequested, TicketTrigger.RequestSuspend) })
            {
                if (!pending || !latest.TryGetValue((t.Id, trigger), out var request))
                {
                    continue;
                }
                items.Add(new ApprovalItem($"{t.Number}:{trigger}", Labels.Action(trigger), t.Number, $"/tickets/{t.Number}", t.Site,
                    t.ShortName, t.CarrierName, request.ActorName, request.At, request.Reason));
            }
        }
        return items;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.FaultTickets.Where(TicketFilters.AwaitingOpsDecision)
            .SumAsync(t => (t.Complex == ComplexStatus.Requested ? 1 : 0) + (t.SuspendRequested ? 1 : 0), cancellationToken);
    }
}
