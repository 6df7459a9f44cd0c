using System.Security.Claims;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Admin;

/// <summary>The admin home's figures.</summary>
public sealed record AdminHomeSummary(
    int ActiveSites, int RetiredSites, int Carriers, int Changes, ChangeRecord? LastImport,
    IReadOnlyList<SiteRow> NeedingAttention, IReadOnlyList<AdminWarning> Warnings);

/// <summary>Counts and flags for the admin home, and the warnings of every <see cref="IAdminWarningSource"/>.</summary>
public sealed class AdminHomeQueries(IDbContextFactory<AppDbContext> factory, CurrentActors actors, IEnumerable<IAdminWarningSource> sources)
{
    public async Task<AdminHomeSummary?> SummaryAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Admin, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Carrier).ToListAsync(cancellationToken);
        var carriers = await db.Carriers.CountAsync(cancellationToken);
        var changes = await db.ChangeRecords.CountAsync(cancellationToken);
        var lastImport = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == Import.SiteImportHandler.ImportEntity)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var attention = sites.Select(SiteRow.From).Where(r => r.Attention.Count > 0).OrderBy(r => r.Id).ToList();
        var warnings = new List<AdminWarning>();
        foreach (var source in sources)
        {
            warnings.AddRange(await source.WarningsAsync(cancellationToken));
        }

        return new AdminHomeSummary(sites.Count(s => s.IsActive), sites.Count(s => !s.IsActive), carriers, changes, lastImport, attention, warnings);
    }
}
