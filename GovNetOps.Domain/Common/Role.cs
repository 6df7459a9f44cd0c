namespace GovNetOps.Domain.Common;

/// <summary>The roles of PRODUCT.md "Who uses it".</summary>
public enum Role
{
    /// <summary>运维值班员: the management unit's ops team (Article 11/12 management unit).</summary>
    Ops = 1,

    /// <summary>运营商: bound to one carrier organisation (Article 12 network operator).</summary>
    Carrier = 2,

    /// <summary>局领导: read-only.</summary>
    Leader = 3,

    /// <summary>系统管理员: users, sites, calendar, policy settings; no ticket actions.</summary>
    Admin = 4,
}
