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

    // Every page × every role: allowed pages answer 200, the others redirect to access-denied.
    [Theory]
    [InlineData("ops", "/tickets", true)]
    [InlineData("ops", "/tickets/new", true)]
    [InlineData("ops", "/board", true)]
    [InlineData("ops", "/carrier", false)]
    [InlineData("ops", "/admin", false)]
    [InlineData("leader", "/board", true)]
    [InlineData("leader", "/tickets", true)]
    [InlineData("leader", "/tickets/new", false)] // leaders are read-only
    [InlineData("leader", "/admin", false)]
    [InlineData("telecom", "/carrier", true)]
    [InlineData("telecom", "/admin", false)] // the case: a carrier typing an admin URL
    [InlineData("telecom", "/tickets", false)]
    [InlineData("telecom", "/board", false)]
    [InlineData("admin", "/admin", true)]
    [InlineData("admin", "/tickets", false)]
    public async Task Page_IsServedOnlyToItsRoles(string user, string path, bool allowed)
    {
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
