using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>What a site is checked against: the other sites' names and IP allocations and the carriers. An import
/// checks row after row against one snapshot, accepting each valid row into it, so two rows of one file clash as a
/// row and a stored site do.</summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Name, IReadOnlyList<IpRange> Ranges)> _allocations = [];
    private int _nextNewId = -1;

    private RegistrySnapshot(IReadOnlyList<CarrierEntity> carriers) => Carriers = carriers;

    public IReadOnlyList<CarrierEntity> Carriers { get; }

    public static async Task<RegistrySnapshot> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Select(s => new Site { Id = s.Id, Name = s.Name, IpAddresses = s.IpAddresses })
            .ToListAsync(cancellationToken);
        return Of(carriers, sites);
    }

    /// <summary>A snapshot of the given carriers and sites (their ids, names and IP allocations).</summary>
    public static RegistrySnapshot Of(IReadOnlyList<CarrierEntity> carriers, IEnumerable<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var snapshot = new RegistrySnapshot(carriers);
        foreach (var site in sites)
        {
            // A stored allocation that no longer parses (written before the rules) still blocks what it can.
            var ranges = IpAllocation.Parse(site.IpAddresses);
            snapshot.Accept(site.Id, site.Name, ranges.IsSuccess ? ranges.Value! : []);
        }

        return snapshot;
    }

    /// <summary>The id of the site called <paramref name="name"/>, if any (a new site accepted earlier in an import
    /// has a negative id).</summary>
    public int? SiteNamed(string name) => _names.TryGetValue(name, out var id) ? id : null;

    /// <summary>The other sites' allocations, for <see cref="IpAllocation.CheckNoOverlap"/>.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<IpRange>>> AllocationsExcept(int? siteId) =>
        _allocations.Where(a => a.Key != siteId).Select(a => new KeyValuePair<string, IReadOnlyList<IpRange>>(a.Value.Name, a.Value.Ranges));

    /// <summary>Takes a checked site into the snapshot; returns its id (a new negative one for a new site).</summary>
    public int Accept(int? id, string name, IReadOnlyList<IpRange> ranges)
    {
        var key = id ?? _nextNewId--;
        foreach (var old in _names.Where(n => n.Value == key).Select(n => n.Key).ToList())
        {
            _names.Remove(old);
        }

        _names[name] = key;
        _allocations[key] = (name, ranges);
        return key;
    }
}
