using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications;

/// <summary>Received applications waiting for Ops's review, in the approvals inbox.</summary>
public sealed class ApplicationApprovals(IDbContextFactory<AppDbContext> factory) : IApprovalSource
{
    public async Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var list = await db.NetworkApplications.AsNoTracking().Include(a => a.Carrier)
            .Where(a => a.State == ApplicationState.Received).ToListAsync(cancellationToken);
        return list.Select(a => new ApprovalItem($"{a.Number}:Review", a.Kind == ApplicationKind.Access ? T.Kind_Access : T.Kind_Change,
            a.Number, ApplicationNotices.Path(a.Number), a.UnitName, a.Carrier?.ShortName ?? "", a.Carrier?.Name ?? "",
            a.RecordedByName, a.ReceivedAt, null)).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.NetworkApplications.CountAsync(a => a.State == ApplicationState.Received, cancellationToken);
    }
}
