namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>用户类型 — the three boxes of annex 1.</summary>
public enum SiteUserKind
{
    /// <summary>党政机关.</summary>
    PartyGovernment = 1,

    /// <summary>事业单位.</summary>
    PublicInstitution = 2,

    /// <summary>其他 (the unit writes its type in).</summary>
    Other = 3,
}
