using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Sla;

/// <summary>What the SLA needs to know of a site at intake: its class and carrier.</summary>
public sealed record SiteSnapshot(int Id, LocationClass LocationClass, int CarrierId);
