namespace GovNetOps.Domain.Maintenance;

/// <summary>
/// 割接（维护）报备: a notice of maintenance work that interrupts the network (Article 12: filed at least 2 h
/// ahead and approved by the management unit before it starts).
/// </summary>
/// <param name="Id">Notice id.</param>
/// <param name="SiteId">The site whose network is interrupted.</param>
/// <param name="Title">What is done.</param>
/// <param name="FiledAt">When the carrier filed the notice.</param>
/// <param name="StartsAt">When the interruption starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="ApprovedAt">When ops approved it; null while unapproved.</param>
/// <param name="CarrierId">The carrier doing the work, if known.</param>
public sealed record MaintenanceNotice(
    Guid Id,
    int SiteId,
    string Title,
    DateTimeOffset FiledAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ApprovedAt,
    int? CarrierId = null)
{
    /// <summary>True when the interval [StartsAt, EndsAt) intersects the other notice's on the same site.</summary>
    public bool Overlaps(MaintenanceNotice other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SiteId == other.SiteId && StartsAt < other.EndsAt && other.StartsAt < EndsAt;
    }
}
