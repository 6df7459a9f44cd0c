using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>接入申请 (annex 1) or 变更申请 (annex 2), as recorded by Ops from the unit's signed paper form, with its
/// review and implementation progress (the Domain's <see cref="ApplicationProgress"/>) and the next deadline
/// stored for ordering the lists.</summary>
public sealed class NetworkApplicationRecord
{
    public Guid Id { get; set; }

    /// <summary>JR-yyyyMMdd-nn (接入) or BG-yyyyMMdd-nn (变更), by China date of receipt.</summary>
    public string Number { get; set; } = "";
    public ApplicationKind Kind { get; set; }
    public ApplicationState State { get; set; }

    /// <summary>Optimistic concurrency: an action on a stale page is refused.</summary>
    public int Version { get; set; }

    // 使用单位基本信息 (annexes 1 and 2)
    public string UnitName { get; set; } = "";

    /// <summary>用户类型: 党政机关, 事业单位, or the text written after 其他.</summary>
    public string UserType { get; set; } = "";
    public string Address { get; set; } = "";
    public string NetworkAdminName { get; set; } = "";
    public string NetworkAdminMobile { get; set; } = "";
    public string TechContactName { get; set; } = "";
    public string TechContactMobile { get; set; } = "";

    // 申请业务内容
    public int IpCount { get; set; }
    public int BandwidthMbps { get; set; }

    /// <summary>网络用途 (annex 1).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>变更类型 (annex 2); null for an access application.</summary>
    public ChangeType? ChangeType { get; set; }

    /// <summary>The text after 其他： of 变更类型.</summary>
    public string ChangeDetail { get; set; } = "";

    /// <summary>使用单位意见 as written on the form, and the date beside its stamp.</summary>
    public string UnitOpinion { get; set; } = "";
    public DateOnly? UnitSignedOn { get; set; }

    /// <summary>The site changed (annex 2), or created by completing an access application (annex 1).</summary>
    public int? SiteId { get; set; }
    public Site? Site { get; set; }

    // 管理单位意见
    public string ManagementOpinion { get; set; } = "";

    /// <summary>IP地址分配 (canonical text of <c>IpAllocation.Format</c>); for a change, empty keeps the site's addresses.</summary>
    public string IpAllocation { get; set; } = "";

    /// <summary>The carrier that implements it (set at approval; for a change, the site's carrier).</summary>
    public int? CarrierId { get; set; }
    public Carrier? Carrier { get; set; }

    /// <summary>The location class of the site to create (access applications).</summary>
    public LocationClass? LocationClass { get; set; }

    /// <summary>Rejection reason to tell the unit.</summary>
    public string RejectionReason { get; set; } = "";
    public string CompletionNote { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string RecordedByName { get; set; } = "";

    /// <summary>The running clock's deadline (review or implementation); null when none runs. For ordering.</summary>
    public DateTimeOffset? NextDeadlineAt { get; set; }

    public List<ApplicationPauseRecord> Pauses { get; set; } = [];
}

/// <summary>One pause of an application's implementation clock (使用单位不具备接入条件).</summary>
public sealed class ApplicationPauseRecord
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    public string Reason { get; set; } = "";
}
