using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Admin.Changes;

/// <summary>The admin change list: every <see cref="ChangeRecord"/>, newest first, optionally of one entity type.</summary>
public sealed class ChangeQueries(IDbContextFactory<AppDbContext> factory, CurrentActors actors)
{
    public const int PageSize = 200;

    /// <summary>The newest records (at most <see cref="PageSize"/>) and the entity types there are; null when refused.</summary>
    public async Task<(IReadOnlyList<ChangeRecord> Records, IReadOnlyList<string> Types)?> ListAsync(
        ClaimsPrincipal user, string? entityType, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Registry, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var types = await db.ChangeRecords.Select(c => c.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var query = db.ChangeRecords.AsNoTracking();
        if (!string.IsNullOrEmpty(entityType))
        {
            query = query.Where(c => c.EntityType == entityType);
        }

        var records = await query.OrderByDescending(c => c.Id).Take(PageSize).ToListAsync(cancellationToken);
        return (records, types);
    }
}
