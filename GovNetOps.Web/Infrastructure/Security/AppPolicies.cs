using Microsoft.AspNetCore.Authorization;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Who may open what. Pages use these policies on the server; the navigation menu
/// reads the same role lists, so a link is shown exactly when the page would let the user in.</summary>
public static class AppPolicies
{
    public const string Board = nameof(Board);
    public const string Tickets = nameof(Tickets);
    public const string Intake = nameof(Intake);
    /// <summary>A single ticket page; carriers pass here and are then limited to their own tickets by TicketService.</summary>
    public const string TicketDetail = nameof(TicketDetail);
    public const string CarrierQueue = nameof(CarrierQueue);
    /// <summary>System administration (系统管理员): registry (carriers, sites), calendar, SLA policy settings. Policies
    /// other work adds for "the administrator" belong to the system administrator too.</summary>
    public const string Admin = nameof(Admin);
    public const string EscalationLog = nameof(EscalationLog);
    public const string JobDashboard = nameof(JobDashboard);
    public const string Approvals = nameof(Approvals);

    /// <summary>The user list and user administration: the system administrator for every account but the security
    /// and audit administrators'; the security administrator for unlocks and the administrator roles' grants (the
    /// handler decides which account and which change; see <c>UserAdminHandler</c>).</summary>
    public const string Users = nameof(Users);

    /// <summary>Password, lockout, session and MFA policy (安全管理员).</summary>
    public const string SecurityPolicy = nameof(SecurityPolicy);

    /// <summary>Reading and exporting the security log (审计管理员).</summary>
    public const string SecurityLog = nameof(SecurityLog);

    /// <summary>Verifying the ticket event chain and the security log chain (审计管理员).</summary>
    public const string ChainAudit = nameof(ChainAudit);

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Board] = [AppRoles.Leader, AppRoles.Ops],
        [Tickets] = [AppRoles.Ops, AppRoles.Leader],
        [Intake] = [AppRoles.Ops],
        [TicketDetail] = [AppRoles.Ops, AppRoles.Leader, AppRoles.Carrier],
        [CarrierQueue] = [AppRoles.Carrier],
        [Admin] = [AppRoles.SystemAdmin],
        [EscalationLog] = [AppRoles.Ops, AppRoles.Leader],
        [JobDashboard] = [AppRoles.SystemAdmin],
        [Approvals] = [AppRoles.Ops],
        [Users] = [AppRoles.SystemAdmin, AppRoles.SecurityAdmin],
        [SecurityPolicy] = [AppRoles.SecurityAdmin],
        [SecurityLog] = [AppRoles.AuditAdmin],
        [ChainAudit] = [AppRoles.AuditAdmin],
    };

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Roles)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }

    public static bool Allows(this System.Security.Claims.ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && Roles[policy].Any(user.IsInRole);
}
