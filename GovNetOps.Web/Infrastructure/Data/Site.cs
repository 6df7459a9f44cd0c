using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>接入单位 — a connected unit with the annex-1 registration fields.</summary>
public sealed class Site
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Pinyin initials of the name (城关镇 → cgz), for type-ahead at intake.</summary>
    public string PinyinInitials { get; set; } = "";

    /// <summary>用户类型 (annex 1), e.g. 党政机关 / 乡镇政府 / 事业单位.</summary>
    public string UserType { get; set; } = "";
    public string Address { get; set; } = "";
    public string NetworkAdminName { get; set; } = "";
    public string NetworkAdminMobile { get; set; } = "";
    public string TechContactName { get; set; } = "";
    public string TechContactMobile { get; set; } = "";
    public LocationClass LocationClass { get; set; }
    public int CarrierId { get; set; }
    public Carrier? Carrier { get; set; }
    public string IpAddresses { get; set; } = "";
    public int BandwidthMbps { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>已接入 / 断网整改中 / 已撤销. A revoked site is also not <see cref="IsActive"/>.</summary>
    public SiteConnectionStatus Status { get; set; } = SiteConnectionStatus.Connected;
}
