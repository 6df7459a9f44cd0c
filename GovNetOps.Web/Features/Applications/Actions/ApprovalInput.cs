using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Features.Applications.Actions;

/// <summary>管理单位意见 at approval: the IP addresses allocated, the carrier and location class of the new site, the opinion.</summary>
public sealed class ApprovalInput
{
    public string IpAllocation { get; set; } = "";
    public int? CarrierId { get; set; }
    public LocationClass? LocationClass { get; set; }
    public string Opinion { get; set; } = "";
}
