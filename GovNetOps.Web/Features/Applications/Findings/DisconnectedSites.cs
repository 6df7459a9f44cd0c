using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Applications.Findings;

/// <summary>A site cut off for rectification (断网整改中), as the board shows it.</summary>
/// <param name="Since">When the finding that disconnected it was recorded; null when the status was set without a
/// finding (in the registry or by an import).</param>
/// <param name="Finding">That finding's description; null likewise.</param>
public sealed record DisconnectedSite(int SiteId, string SiteName, string CarrierName, DateTimeOffset? Since, string? Finding);

public static class DisconnectedSites
{
    /// <summary>Every site whose status is 断网整改中 (the registry's status is the truth), longest disconnected first,
    /// with the finding that disconnected it and when.</summary>
    public static async Task<IReadOnlyList<DisconnectedSite>> LoadAsync(IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.Status == SiteConnectionStatus.DisconnectedForRectification)
            .Select(s => new { s.Id, s.Name, Carrier = s.Carrier!.ShortName }).ToListAsync(cancellationToken);
        var ids = sites.Select(s => s.Id).ToList();
        // The finding that cut the site off and has not been followed by a reconnection (one per site; the oldest if more).
        var findings = (await db.SecurityFindings.AsNoTracking()
                .Where(f => ids.Contains(f.SiteId) && f.Disconnected && f.ReconnectedAt == null)
                .Select(f => new { f.Id, f.SiteId, f.FoundAt, f.Description }).ToListAsync(cancellationToken))
            .GroupBy(f => f.SiteId).ToDictionary(g => g.Key, g => g.MinBy(f => f.Id)!);
        return sites
            .Select(s => findings.TryGetValue(s.Id, out var f)
                ? new DisconnectedSite(s.Id, s.Name, s.Carrier, f.FoundAt, f.Description)
                : new DisconnectedSite(s.Id, s.Name, s.Carrier, null, null))
            .OrderBy(s => s.Since ?? DateTimeOffset.MaxValue).ThenBy(s => s.SiteName, StringComparer.Ordinal).ToList();
    }
}
