namespace GovNetOps.Domain.Common;

/// <summary>The roles of PRODUCT.md "Who uses it". The three administrators are separated (三员分立, GB/T 22239-2019
/// 8.1.4.2 d): none can do another's job, and an account holds exactly one role.</summary>
public enum Role
{
    /// <summary>运维值班员: the management unit's ops team (Article 11/12 management unit).</summary>
    Ops = 1,

    /// <summary>运营商: bound to one carrier organisation (Article 12 network operator).</summary>
    Carrier = 2,

    /// <summary>局领导: read-only.</summary>
    Leader = 3,

    /// <summary>系统管理员: users (not the other two administrators), registry, calendar, SLA policy, job dashboard;
    /// no ticket actions. Took the value of the former single administrator.</summary>
    SystemAdmin = 4,

    /// <summary>安全管理员: password, lockout, session and MFA policy; unlocks; grants of the administrator roles.</summary>
    SecurityAdmin = 5,

    /// <summary>审计管理员: reads the security log and verifies the event chains; changes nothing.</summary>
    AuditAdmin = 6,

    /// <summary>大屏显示: the account of an unattended wall display (the duty room's screen). It opens the breach board
    /// and the wall and nothing else, acts on nothing, and is created by the system administrator like any account.</summary>
    Display = 7,
}
