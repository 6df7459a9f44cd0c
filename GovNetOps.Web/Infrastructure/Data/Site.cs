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

    /// <summary>用户类型 (annex 1): 党政机关 / 事业单位 / 其他.</summary>
    public SiteUserKind UserKind { get; set; } = SiteUserKind.PartyGovernment;

    /// <summary>用户类型 as written on the annex: 党政机关, 事业单位, or for 其他 the type the unit wrote in.</summary>
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
    /// <summary>IP 数量 (annex 1): how many addresses the unit asked for.</summary>
    public int IpCount { get; set; }

    /// <summary>带宽 (annex 1), in Mbit/s.</summary>
    public int BandwidthMbps { get; set; }

    /// <summary>网络用途 (annex 1): what the unit uses the extranet for.</summary>
    public string NetworkPurpose { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>已接入 / 断网整改中 / 已撤销. A revoked site is also not <see cref="IsActive"/>.</summary>
    public SiteConnectionStatus Status { get; set; } = SiteConnectionStatus.Connected;
}
