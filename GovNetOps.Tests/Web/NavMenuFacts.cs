using Bunit;
using GovNetOps.Web.Components.Layout;

namespace GovNetOps.Tests.Web;

public sealed class NavMenuFacts : BunitTestContext
{
    [Theory]
    [InlineData("Ops", new[] { "/board", "/tickets", "/tickets/new", "/escalations" })]
    [InlineData("Leader", new[] { "/board", "/tickets", "/escalations" })] // read-only: no intake
    [InlineData("Carrier", new[] { "/carrier" })]         // never the ops list or the board
    [InlineData("Admin", new[] { "/admin", "/admin/audit", "/hangfire" })]
    public void NavMenu_ShowsExactlyTheRolesEntries(string role, string[] expected)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);

        var cut = Render<NavMenu>();

        var shown = cut.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).ToArray();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void NavMenu_ShowsNothing_WhenSignedOut()
    {
        AddAuthorization();

        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("[data-nav]"));
    }
}
