using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Resources;
using MudBlazor;

namespace GovNetOps.Web.Components.Layout;

/// <summary>One navigation entry, guarded by the same policy as the page it opens.</summary>
public sealed record NavEntry(string Href, Func<string> Title, string Icon, string Policy);

public static class NavCatalog
{
    /// <summary>The board: it loads as a page of its own, in its lean layout without the component library
    /// (Features/Board/BoardLayout), so links to it leave the app's page (target _top).</summary>
    public const string BoardHref = "/board";

    /// <summary>The entry that carries the live count of requests awaiting Ops.</summary>
    public const string ApprovalsHref = "/approvals";

    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new(BoardHref, () => Text.NavBoard, Icons.Material.Filled.Dashboard, AppPolicies.Board),
        new("/tickets", () => Text.NavTickets, Icons.Material.Filled.ListAlt, AppPolicies.Tickets),
        new("/tickets/new", () => Text.NavIntake, Icons.Material.Filled.AddIcCall, AppPolicies.Intake),
        new(ApprovalsHref, () => Resources.Approvals.Title, Icons.Material.Filled.FactCheck, AppPolicies.Approvals),
        new("/maintenance", () => Resources.Maintenance.NavTitle, Icons.Material.Filled.Construction, AppPolicies.Maintenance),
        new("/carrier", () => Text.NavCarrierQueue, Icons.Material.Filled.Engineering, AppPolicies.CarrierQueue),
        new("/reports", () => Resources.Reports.Title, Icons.Material.Filled.Assessment, AppPolicies.Reports),
        new("/applications", () => Resources.ApplicationText.Nav_Applications, Icons.Material.Filled.Cable, AppPolicies.Applications),
        new("/carrier/applications", () => Resources.ApplicationText.Nav_CarrierTasks, Icons.Material.Filled.Cable, AppPolicies.CarrierTasks),
        new("/escalations", () => Resources.Escalation.NavLog, Icons.Material.Filled.NotificationImportant, AppPolicies.EscalationLog),
        new("/admin", () => Text.NavAdmin, Icons.Material.Filled.AdminPanelSettings, AppPolicies.Admin),
        new("/admin/users", () => Resources.Accounts.UsersTitle, Icons.Material.Filled.ManageAccounts, AppPolicies.Users),
        new("/admin/security", () => Resources.AccountRules.NavSecurity, Icons.Material.Filled.Password, AppPolicies.SecurityPolicy),
        new("/admin/sites", () => Resources.Registry.Sites_Title, Icons.Material.Filled.Apartment, AppPolicies.RegistryRead),
        new("/admin/carriers", () => Resources.Registry.Carriers_Title, Icons.Material.Filled.CellTower, AppPolicies.RegistryRead),
        new("/admin/changes", () => Resources.Registry.Changes_Title, Icons.Material.Filled.History, AppPolicies.Registry),
        new("/admin/audit", () => Text.NavAudit, Icons.Material.Filled.VerifiedUser, AppPolicies.ChainAudit),
        new("/audit/security-log", () => Resources.SecurityLogText.Nav, Icons.Material.Filled.Policy, AppPolicies.SecurityLog),
        new("/policy", () => Resources.Policy.NavPolicy, Icons.Material.Filled.Gavel, AppPolicies.PolicyRead),
        new("/calendar", () => Resources.Calendar.NavCalendar, Icons.Material.Filled.CalendarMonth, AppPolicies.PolicyRead),
        new("/admin/contacts", () => Resources.Contacts.NavContacts, Icons.Material.Filled.ContactPhone, AppPolicies.ContactsAdmin),
        new("/hangfire", () => Resources.Escalation.NavJobs, Icons.Material.Filled.Schedule, AppPolicies.JobDashboard),
    ];

    public static IEnumerable<NavEntry> For(System.Security.Claims.ClaimsPrincipal user) =>
        Entries.Where(e => user.Allows(e.Policy));
}
