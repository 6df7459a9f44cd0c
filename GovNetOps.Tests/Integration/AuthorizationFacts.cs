using System.Net;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

/// <summary>Page access decided by the server, over HTTP, whatever the menu shows.</summary>
public sealed class AuthorizationFacts(StartedApp app) : IClassFixture<StartedApp>
{
    private HttpClient Client() => app.NoRedirectClient();

    // The role × page matrix, written out by hand (not derived from AppPolicies) so that a change of who may open a
    // page fails here. 三员分立: the three administrators open none of each other's pages, and none of the others'.
    // Columns:                                      ops    leader  telecom  admin  secadmin  auditor  wall (大屏显示)
    private static readonly Dictionary<string, bool[]> Pages = new()
    {
        ["/tickets"] =                               [true,  true,   false,   false, false,    false, false],
        ["/tickets/new"] =                           [true,  false,  false,   false, false,    false, false], // leaders are read-only
        ["/board"] =                                 [true,  true,   false,   false, false,    false, true],
        ["/carrier"] =                               [false, false,  true,    false, false,    false, false],
        ["/approvals"] =                             [true,  false,  false,   false, false,    false, false],
        ["/escalations"] =                           [true,  true,   false,   false, false,    false, false],
        ["/admin"] =                                 [false, false,  false,   true,  false,    false, false], // registry: the system administrator's
        ["/admin/audit"] =                           [false, false,  false,   false, false,    true,  false], // chain verification: the auditor's
        ["/hangfire"] =                              [false, false,  false,   true,  false,    false, false],
        ["/admin/users"] =                           [false, false,  false,   true,  true,     false, false], // each for its own accounts (the handler decides)
        ["/board/wall"] =                            [true,  true,   false,   false, false,    false, true],  // the wall account opens the board and the wall only
        ["/policy"] =                                [true,  true,   true,    true,  true,     true,  true],
        ["/reports"] =                               [true,  true,   true,    false, false,    false, false],
        ["/maintenance"] =                           [true,  true,   true,    false, false,    false, false],
        ["/admin/sites"] =                           [true,  true,   false,   true,  false,    false, false],
    };

    private static readonly string[] Users = ["ops", "leader", "telecom", "admin", "secadmin", "auditor", "wall"];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Pages.Keys)
        {
            foreach (var user in Users)
            {
                data.Add(user, path);
            }
        }

        return data;
    }

    // Every page × every role: allowed pages answer 200, the others redirect to access-denied (the case: a
    // carrier typing an admin URL).
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Page_IsServedOnlyToItsRoles(string user, string path)
    {
        var allowed = Pages[path][Array.IndexOf(Users, user)];
        using var client = Client();
        var login = await HttpSignIn.PostLoginAsync(client, user, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync(path);

        HttpAssert.ServedOrRefused(client, response, allowed);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/tickets")]
    [InlineData("/carrier")]
    [InlineData("/board")]
    public async Task Page_RedirectsToLogin_WhenAnonymous(string path)
    {
        using var client = Client();
        var response = await client.GetAsync(path);
        HttpAssert.RedirectsTo(client, response, "/account/login");
    }

    [Theory]
    [InlineData("admin", "/admin")]
    [InlineData("auditor", "/admin/audit")]
    [InlineData("ops", "/tickets")]
    [InlineData("leader", "/board")]
    [InlineData("telecom", "/carrier")]
    public async Task Login_RedirectsEachRoleToItsLandingPage(string user, string landing)
    {
        using var client = Client();
        var login = await HttpSignIn.PostLoginAsync(client, user, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(landing, new Uri(client.BaseAddress!, login.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Login_LocksAccount_AfterFiveWrongPasswords()
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "lockme-http", DisplayName = "锁定测试" };
            await users.CreateAsync(user, DemoData.Password);
            await users.AddToRoleAsync(user, AppRoles.Ops);
        }
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await HttpSignIn.PostLoginAsync(client, "lockme-http", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with an error
        }

        var sixth = await HttpSignIn.PostLoginAsync(client, "lockme-http", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("账户已被锁定", WebUtility.HtmlDecode(await sixth.Content.ReadAsStringAsync()));
    }
}
