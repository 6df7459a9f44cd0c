using GovNetOps.Domain.Common;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity role names; they are the names of <see cref="Role"/>. An account holds exactly one.</summary>
public static class AppRoles
{
    public const string Ops = nameof(Role.Ops);
    public const string Carrier = nameof(Role.Carrier);
    public const string Leader = nameof(Role.Leader);
    public const string SystemAdmin = nameof(Role.SystemAdmin);
    public const string SecurityAdmin = nameof(Role.SecurityAdmin);
    public const string AuditAdmin = nameof(Role.AuditAdmin);
    public const string Display = nameof(Role.Display);

    /// <summary>The role of the one administrator before 三员分立; renamed to <see cref="SystemAdmin"/> at start-up.</summary>
    public const string FormerAdmin = "Admin";

    public static readonly IReadOnlyList<string> All = [Ops, Carrier, Leader, SystemAdmin, SecurityAdmin, AuditAdmin, Display];

    /// <summary>The three separated administrators (三员): granting one of these is the security administrator's job.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];
}
