using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>One site as the admin writes it (the form, or one import row): the annex-1 fields and the registry's own.</summary>
public sealed class SiteForm
{
    /// <summary>The site being edited; null for a new one.</summary>
    public int? Id { get; set; }
    public string? Name { get; set; }
    public SiteUserKind? UserKind { get; set; }

    /// <summary>The type written in when <see cref="UserKind"/> is 其他.</summary>
    public string? UserTypeOther { get; set; }
    public string? Address { get; set; }
    public string? NetworkAdminName { get; set; }
    public string? NetworkAdminMobile { get; set; }
    public string? TechContactName { get; set; }
    public string? TechContactMobile { get; set; }
    public int? IpCount { get; set; }
    public int? BandwidthMbps { get; set; }
    public string? NetworkPurpose { get; set; }
    public LocationClass? LocationClass { get; set; }
    public int? CarrierId { get; set; }
    public string? IpAddresses { get; set; }
    public SiteConnectionStatus Status { get; set; } = SiteConnectionStatus.Connected;

    public static SiteForm From(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new SiteForm
        {
            Id = site.Id, Name = site.Name, UserKind = site.UserKind,
            UserTypeOther = site.UserKind == SiteUserKind.Other ? site.UserType : null,
            Address = site.Address, NetworkAdminName = site.NetworkAdminName, NetworkAdminMobile = site.NetworkAdminMobile,
            TechContactName = site.TechContactName, TechContactMobile = site.TechContactMobile, IpCount = site.IpCount,
            BandwidthMbps = site.BandwidthMbps, NetworkPurpose = site.NetworkPurpose, LocationClass = site.LocationClass,
            CarrierId = site.CarrierId, IpAddresses = site.IpAddresses, Status = site.Status,
        };
    }
}
