using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Text = GovNetOps.Web.Resources.Disputes;

namespace GovNetOps.Web.Features.Reports.Disputes;

/// <summary>Pending breach disputes in Ops's approvals inbox; each links to its ledger line, where Ops decides.</summary>
public sealed class BreachDisputeApprovals(IDbContextFactory<AppDbContext> factory) : IApprovalSource
{
    public async Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.BreachDisputes.AsNoTracking().Where(d => d.State == BreachDisputeState.Pending)
            .Select(d => new
            {
                d.Id, d.Ticket!.Number, d.Clock, Site = d.Ticket.Site!.Name, d.Ticket.Carrier!.ShortName, CarrierName = d.Ticket.Carrier.Name,
                d.RaisedByName, d.RaisedAt, d.Reason,
            })
            .ToListAsync(cancellationToken);
        return pending.Select(d => new ApprovalItem($"dispute:{d.Id}",
            d.Clock == ClockKind.Response ? Text.Approval_Response : Text.Approval_Repair, d.Number,
            BreachLine.PathOf(d.Number, d.Clock),
            d.Site, d.ShortName, d.CarrierName, d.RaisedByName, d.RaisedAt, d.Reason)).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.BreachDisputes.CountAsync(d => d.State == BreachDisputeState.Pending, cancellationToken);
    }
}
