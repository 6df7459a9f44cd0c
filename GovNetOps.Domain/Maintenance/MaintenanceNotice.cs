namespace GovNetOps.Domain.Maintenance;

/// <summary>
/// 割接（维护）报备: a notice of maintenance work that interrupts the network at one or more sites of one carrier
/// (Article 12: filed at least 2 h ahead and approved by the management unit before it starts).
/// </summary>
/// <param name="Id">Notice id.</param>
/// <param name="CarrierId">The carrier doing the work.</param>
/// <param name="SiteIds">The sites whose network is interrupted.</param>
/// <param name="StartsAt">Planned start (UTC).</param>
/// <param name="EndsAt">Planned end (UTC).</param>
/// <param name="Status">Where the notice stands.</param>
/// <param name="StartedAt">When the carrier marked the work started.</param>
/// <param name="FinishedAt">When the carrier marked it finished.</param>
public sealed record MaintenanceNotice(
    long Id,
    int CarrierId,
    IReadOnlyList<int> SiteIds,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    MaintenanceStatus Status,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null)
{
    /// <summary>True when both notices interrupt a common site and their planned intervals [StartsAt, EndsAt) intersect.</summary>
    public bool Overlaps(MaintenanceNotice other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SiteIds.Intersect(other.SiteIds).Any() && StartsAt < other.EndsAt && other.StartsAt < EndsAt;
    }
}
