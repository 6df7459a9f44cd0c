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
    /// <summary>Changes to the registry (sites, carriers, import); handlers check it on the server.</summary>
    public const string Registry = nameof(Registry);
    /// <summary>Reading the registry (site and carrier pages).</summary>
    public const string RegistryRead = nameof(RegistryRead);
    /// <summary>Enter or edit a year's holiday notice in the working-day calendar.</summary>
    public const string CalendarAdmin = nameof(CalendarAdmin);
    /// <summary>Create SLA policy versions and escalation ladders.</summary>
    public const string PolicyAdmin = nameof(PolicyAdmin);
    /// <summary>Register and change sites' security contacts (Article 6).</summary>
    public const string ContactsAdmin = nameof(ContactsAdmin);
    /// <summary>Read the SLA policy page (every signed-in role).</summary>
    public const string PolicyRead = nameof(PolicyRead);
    /// <summary>Access and change applications (Articles 13, 15) and security findings (Article 9): recorded and decided by Ops.</summary>
    public const string Applications = nameof(Applications);
    /// <summary>A carrier's own implementation tasks (approved applications); handlers limit it to its own carrier.</summary>
    public const string CarrierTasks = nameof(CarrierTasks);
    /// <summary>One application's page: Ops, or the application's own carrier once approved (checked by the handler).</summary>
    public const string ApplicationDetail = nameof(ApplicationDetail);
    /// <summary>Maintenance notices (割接报备): read the list and a notice; carriers are then limited to their own.</summary>
    public const string Maintenance = nameof(Maintenance);
    /// <summary>File or edit a notice: a carrier for itself, Ops on a carrier's behalf.</summary>
    public const string MaintenanceFile = nameof(MaintenanceFile);
    /// <summary>Approve or reject a notice; rule on a fault during maintenance.</summary>
    public const string MaintenanceDecide = nameof(MaintenanceDecide);
    /// <summary>Mark the work started or finished: the carrier, or Ops recording it on the carrier's behalf.</summary>
    public const string MaintenanceCarryOut = nameof(MaintenanceCarryOut);
    /// <summary>The monthly report (统计报表); carriers pass here and are then limited to their own rows by MonthlyReportService.</summary>
    public const string Reports = nameof(Reports);
    /// <summary>Dispute a line of the breach ledger: a carrier, for its own lines only (checked by the handler).</summary>
    public const string BreachDispute = nameof(BreachDispute);
    /// <summary>Uphold or waive a disputed breach.</summary>
    public const string BreachDisputeDecide = nameof(BreachDisputeDecide);

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
        [Board] = [AppRoles.Leader, AppRoles.Ops, AppRoles.Display],
        [Tickets] = [AppRoles.Ops, AppRoles.Leader],
        [Intake] = [AppRoles.Ops],
        [TicketDetail] = [AppRoles.Ops, AppRoles.Leader, AppRoles.Carrier],
        [CarrierQueue] = [AppRoles.Carrier],
        [Admin] = [AppRoles.SystemAdmin],
        [EscalationLog] = [AppRoles.Ops, AppRoles.Leader],
        [JobDashboard] = [AppRoles.SystemAdmin],
        [Approvals] = [AppRoles.Ops],
        [Registry] = [AppRoles.SystemAdmin],
        [RegistryRead] = [AppRoles.Ops, AppRoles.Leader, AppRoles.SystemAdmin],
        [CalendarAdmin] = [AppRoles.SystemAdmin],
        [PolicyAdmin] = [AppRoles.SystemAdmin],
        [ContactsAdmin] = [AppRoles.SystemAdmin],
        [PolicyRead] = [.. AppRoles.All],
        [Applications] = [AppRoles.Ops],
        [CarrierTasks] = [AppRoles.Carrier],
        [ApplicationDetail] = [AppRoles.Ops, AppRoles.Carrier],
        [Maintenance] = [AppRoles.Ops, AppRoles.Leader, AppRoles.Carrier],
        [MaintenanceFile] = [AppRoles.Ops, AppRoles.Carrier],
        [MaintenanceDecide] = [AppRoles.Ops],
        [MaintenanceCarryOut] = [AppRoles.Ops, AppRoles.Carrier],
        [Reports] = [AppRoles.Leader, AppRoles.Ops, AppRoles.Carrier],
        [BreachDispute] = [AppRoles.Carrier],
        [BreachDisputeDecide] = [AppRoles.Ops],
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
