using Bunit;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components.Layout;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovNetOps.Tests.Web;

public sealed class NavMenuFacts : BunitTestContext
{
    private readonly CountingSource _waiting = new();
    private readonly Notifier<TicketChanged> _changes = new(NullLogger<Notifier<TicketChanged>>.Instance);

    public NavMenuFacts()
    {
        Services.AddSingleton<IApprovalSource>(_waiting);
        Services.AddSingleton<ApprovalInbox>();
        Services.AddSingleton(_changes);
        Services.AddSingleton(new Notifier<GovNetOps.Web.Features.Maintenance.MaintenanceChanged>(NullLogger<Notifier<GovNetOps.Web.Features.Maintenance.MaintenanceChanged>>.Instance));
        Services.AddSingleton(new Notifier<GovNetOps.Web.Features.Reports.Disputes.BreachDisputeChanged>(NullLogger<Notifier<GovNetOps.Web.Features.Reports.Disputes.BreachDisputeChanged>>.Instance));
    }

    [Theory]
    [InlineData("Ops", new[] { "/board", "/tickets", "/tickets/new", "/approvals", "/maintenance", "/reports", "/applications", "/escalations", "/admin/sites", "/admin/carriers", "/policy", "/calendar" })]
    [InlineData("Leader", new[] { "/board", "/tickets", "/maintenance", "/reports", "/escalations", "/admin/sites", "/admin/carriers", "/policy", "/calendar" })] // read-only: no intake
    [InlineData("Carrier", new[] { "/maintenance", "/carrier", "/reports", "/carrier/applications", "/policy", "/calendar" })] // never the ops list or the board; its own notices, rows and tasks, and the rules it is held to
    [InlineData("SystemAdmin", new[] { "/admin", "/admin/users", "/admin/sites", "/admin/carriers", "/admin/changes", "/policy", "/calendar", "/admin/contacts", "/hangfire" })]
    [InlineData("SecurityAdmin", new[] { "/admin/users", "/admin/security", "/policy", "/calendar" })]
    [InlineData("AuditAdmin", new[] { "/admin/audit", "/audit/security-log", "/policy", "/calendar" })]        // reads, changes nothing
    public void NavMenu_ShowsExactlyTheRolesEntries(string role, string[] expected)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);

        var cut = Render<NavMenu>();

        var shown = cut.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).ToArray();
        Assert.Equal(expected, shown);
        // Every role reaches its own account security (the app bar's name is hidden on a phone).
        Assert.Equal("/account/mfa", cut.Find("[data-testid=nav-account]").GetAttribute("href"));
    }

    [Fact]
    public void NavMenu_ShowsNothing_WhenSignedOut()
    {
        AddAuthorization();

        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("[data-nav]"));
        Assert.Empty(cut.FindAll("[data-testid=nav-account]"));
    }

    [Fact]
    public void ApprovalsCount_UpdatesLive_WhenATicketChanges()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ops");
        auth.SetRoles("Ops");
        _waiting.Count = 2;

        var cut = Render<NavMenu>();
        Assert.Equal("2", cut.Find("[data-testid=approvals-count]").GetAttribute("data-count"));

        _waiting.Count = 3;
        _changes.Publish(new TicketChanged(Guid.NewGuid(), "GZ-20261124-0001", 1, TicketTrigger.RequestComplex, 3));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=approvals-count]").TextContent.Trim()));
    }

    [Fact]
    public void ApprovalsCount_IsHidden_WhenNothingWaits()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ops");
        auth.SetRoles("Ops");

        var cut = Render<NavMenu>();

        Assert.True(cut.Find("[data-testid=approvals-count]").HasAttribute("hidden"));
    }

    private sealed class CountingSource : IApprovalSource
    {
        public int Count { get; set; }

        public Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ApprovalItem>>([]);

        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Count);
    }
}
