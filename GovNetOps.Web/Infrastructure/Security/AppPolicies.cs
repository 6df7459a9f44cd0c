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
    public const string Admin = nameof(Admin);
    public const string EscalationLog = nameof(EscalationLog);
    public const string JobDashboard = nameof(JobDashboard);
    public const string Approvals = nameof(Approvals);
    /// <summary>The monthly report (统计报表); carriers pass here and are then limited to their own rows by MonthlyReportService.</summary>
    public const string Reports = nameof(Reports);

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Board] = [AppRoles.Leader, AppRoles.Ops],
        [Tickets] = [AppRoles.Ops, AppRoles.Leader],
        [Intake] = [AppRoles.Ops],
        [TicketDetail] = [AppRoles.Ops, AppRoles.Leader, AppRoles.Carrier],
        [CarrierQueue] = [AppRoles.Carrier],
        [Admin] = [AppRoles.Admin],
        [EscalationLog] = [AppRoles.Ops, AppRoles.Leader],
        [JobDashboard] = [AppRoles.Admin],
        [Approvals] = [AppRoles.Ops],
        [Reports] = [AppRoles.Leader, AppRoles.Ops, AppRoles.Carrier],
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
