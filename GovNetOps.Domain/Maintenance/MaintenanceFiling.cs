namespace GovNetOps.Domain.Maintenance;

/// <summary>What a carrier (or Ops on its behalf) files as a maintenance notice, before it is stored.</summary>
/// <param name="SiteCount">How many affected sites were picked.</param>
/// <param name="Work">工作内容: what is done.</param>
/// <param name="StartsAt">Planned start (UTC).</param>
/// <param name="EndsAt">Planned end (UTC).</param>
/// <param name="LateReason">Why the notice comes less than 2 h ahead (required then).</param>
/// <param name="LongWindowReason">Why the window is longer than the configured maximum (required then).</param>
public sealed record MaintenanceFiling(
    int SiteCount,
    string Work,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? LateReason = null,
    string? LongWindowReason = null);
