namespace GovNetOps.Domain.Applications;

/// <summary>One pause of the implementation clock because the unit is not ready (Article 13 (三)).</summary>
/// <param name="From">When Ops paused the clock (UTC).</param>
/// <param name="To">When it resumed (UTC); null while paused.</param>
/// <param name="Reason">Why the unit is not ready, as told by the unit or the carrier.</param>
public sealed record ApplicationPause(DateTimeOffset From, DateTimeOffset? To, string Reason);
