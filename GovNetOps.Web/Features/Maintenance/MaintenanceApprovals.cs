using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Maintenance notices waiting for Ops's decision, in the approvals inbox.</summary>
public sealed class MaintenanceApprovals(IDbContextFactory<AppDbContext> factory) : IApprovalSource
{
    public async Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MaintenanceNotices.AsNoTracking().Where(n => n.Status == MaintenanceStatus.Pending)
            .Select(n => new
            {
                n.Number, Sites = n.Sites.Select(s => s.Site!.Name).ToList(), n.AllSites, n.Carrier!.ShortName, CarrierName = n.Carrier.Name,
                n.FiledBy, n.FiledAt, n.UpdatedAt, n.Work, n.IsLate, n.LateReason,
            }).ToListAsync(cancellationToken);
        return rows.Select(n => new ApprovalItem($"{n.Number}:Maintenance", Resources.Maintenance.ApprovalWhat, n.Number,
            $"/maintenance/{Uri.EscapeDataString(n.Number)}",
            n.AllSites ? Resources.Maintenance.AllSitesShort : string.Join("、", n.Sites.Order(StringComparer.Ordinal)),
            n.ShortName, n.CarrierName, n.FiledBy, n.UpdatedAt, n.IsLate ? $"{n.Work}（{Resources.Maintenance.LateNotice}：{n.LateReason}）" : n.Work)).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.MaintenanceNotices.CountAsync(n => n.Status == MaintenanceStatus.Pending, cancellationToken);
    }
}
